import type { Skill } from './skill.entity';
import { SkillType } from './skill.type';

export function toSkillType(skill: Skill): SkillType {
  return Object.assign(new SkillType(), {
    id: skill.id,
    code: skill.code,
    name: skill.name,
    description: skill.description,
  });
}
