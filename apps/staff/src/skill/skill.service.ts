import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@switchboard/server';
import { Skill } from './skill.entity';
import type { CreateSkillInput } from './skill.input';

export class SkillService {
  constructor(private readonly em: EntityManager) {}

  list(): Promise<Skill[]> {
    return this.em.find(Skill, {}, { orderBy: { code: 'asc' } });
  }

  findByCodes(codes: readonly string[]): Promise<Skill[]> {
    return this.em.find(Skill, { code: { $in: [...new Set(codes)] } });
  }

  async create(input: CreateSkillInput): Promise<Skill> {
    if (await this.em.findOne(Skill, { code: input.code })) {
      throw badUserInput({ field: 'code', message: `"${input.code}" is already used by another skill` });
    }
    const skill = this.em.create(Skill, {
      code: input.code,
      name: input.name.trim(),
      description: input.description ?? null,
    });
    await this.em.persistAndFlush(skill);
    return skill;
  }
}
