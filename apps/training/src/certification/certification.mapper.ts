import { certificationValid } from '@switchboard/metrics';
import { todayUtc } from '../common/dates';
import type { Certification } from './certification.entity';
import { CertificationType } from './certification.type';

export function toCertificationType(certification: Certification, today = todayUtc()): CertificationType {
  return Object.assign(new CertificationType(), {
    id: certification.id,
    courseId: certification.course.id,
    employeeNo: certification.employeeNo,
    issuedOn: certification.issuedOn,
    expiresOn: certification.expiresOn,
    valid: certificationValid(certification, today),
  });
}
