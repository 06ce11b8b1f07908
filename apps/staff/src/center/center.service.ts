import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, requireDateOrder } from '../common/validation';
import { Center, CenterKind } from './center.entity';
import { centerErrors } from './center.errors';
import type { CreateCenterInput, UpdateCenterInput } from './center.input';

export class CenterService {
  constructor(private readonly em: EntityManager) {}

  /** Centers of a kind (or all), among `visibleIds` (null: every center). */
  list(kind?: CenterKind | null, visibleIds: string[] | null = null): Promise<Center[]> {
    return this.em.find(
      Center,
      { ...(kind ? { kind } : {}), ...(visibleIds ? { id: { $in: visibleIds } } : {}) },
      { orderBy: { code: 'asc' } },
    );
  }

  /** One statement for any number of ids (used by loaders and reference resolvers). */
  findByIds(ids: readonly string[]): Promise<Center[]> {
    return this.em.find(Center, { id: { $in: ids.filter(isUuid) } });
  }

  findByCode(code: string): Promise<Center | null> {
    return this.em.findOne(Center, { code });
  }

  async get(id: string): Promise<Center> {
    const center = isUuid(id) ? await this.em.findOne(Center, { id }) : null;
    if (!center) throw centerErrors.notFound(id);
    return center;
  }

  async create(input: CreateCenterInput): Promise<Center> {
    if (await this.findByCode(input.code)) throw centerErrors.codeTaken(input.code);
    const center = this.em.create(Center, {
      code: input.code,
      name: input.name.trim(),
      timeZone: input.timeZone,
      kind: input.kind,
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
    });
    this.checkPeriod(center);
    await this.em.persistAndFlush(center);
    return center;
  }

  async update(id: string, input: UpdateCenterInput): Promise<Center> {
    const center = await this.get(id);
    if (input.name !== undefined) center.name = input.name.trim();
    if (input.timeZone !== undefined) center.timeZone = input.timeZone;
    if (input.kind !== undefined) center.kind = input.kind;
    if (input.activeFrom !== undefined) center.activeFrom = input.activeFrom;
    if (input.activeTo !== undefined) center.activeTo = input.activeTo;
    this.checkPeriod(center);
    await this.em.flush();
    return center;
  }

  private checkPeriod(center: Center): void {
    if (center.kind === CenterKind.TEMPORARY && !center.activeFrom) throw centerErrors.temporaryNeedsStart();
    requireDateOrder(center.activeFrom, center.activeTo, 'activeFrom', 'activeTo');
  }
}
