import { DEFAULT_ACTIVITY_RULES } from '@switchboard/metrics';
import type { Schedule } from './schedule.entity';
import { ScheduleSegmentType, ScheduleType } from './schedule.type';

export function toScheduleType(row: Schedule): ScheduleType {
  const segments = row.segments.map((s) =>
    Object.assign(new ScheduleSegmentType(), {
      start: new Date(s.start),
      end: new Date(s.end),
      activity: s.activity,
      onQueue: DEFAULT_ACTIVITY_RULES[s.activity].onQueue,
    }),
  );
  const seconds = (list: ScheduleSegmentType[]) =>
    list.reduce((sum, s) => sum + (s.end.getTime() - s.start.getTime()) / 1000, 0);
  return Object.assign(new ScheduleType(), {
    id: row.id,
    employeeNo: row.employeeNo,
    date: row.date,
    timeZone: row.timeZone,
    segments,
    scheduledSeconds: seconds(segments),
    onQueueSeconds: seconds(segments.filter((s) => s.onQueue)),
    updatedAt: row.updatedAt,
    version: row.version,
  });
}
