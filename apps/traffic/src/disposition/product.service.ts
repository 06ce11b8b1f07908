import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, notFound, type FieldProblem } from '@switchboard/server';
import { isCalendarDate } from '@switchboard/subgraph-kit';
import type { ProductMarginType, ProductType } from './disposition.type';
import { PRODUCT_FAMILIES } from './product.entity';
import type { ProductInput, ProductMarginInput } from './product.input';

const CODE = /^[A-Za-z0-9_.\-/]{1,64}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;
/** 0 to 1 with at most 4 decimals. */
const RATE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

const rateProblem = (value: string): FieldProblem | null =>
  RATE.test(value)
    ? null
    : { field: 'input.marginRate', message: 'must be a decimal from 0 to 1 with at most 4 decimals' };

const nameProblem = (field: string, value: string): FieldProblem | null =>
  value.trim().length === 0 || value.length > 200 || CONTROL.test(value)
    ? { field, message: 'must be 1 to 200 characters, without control characters' }
    : null;

/** Every problem of a new product's own values, each naming its field. */
export function productProblems(input: ProductInput): FieldProblem[] {
  return [
    CODE.test(input.code)
      ? null
      : { field: 'input.code', message: 'must be 1 to 64 letters, digits, _ . - /' },
    nameProblem('input.nameZh', input.nameZh),
    nameProblem('input.nameEn', input.nameEn),
    (PRODUCT_FAMILIES as readonly string[]).includes(input.family)
      ? null
      : { field: 'input.family', message: `must be one of ${PRODUCT_FAMILIES.join(', ')}` },
    rateProblem(input.marginRate),
  ].filter((p): p is FieldProblem => p !== null);
}

/** Every problem of a margin version's own values (today: the UTC date, YYYY-MM-DD). */
export function productMarginProblems(input: ProductMarginInput, today: string): FieldProblem[] {
  const validFrom = !isCalendarDate(input.validFrom)
    ? { field: 'input.validFrom', message: 'must be a date YYYY-MM-DD' }
    : input.validFrom <= today
      ? {
          field: 'input.validFrom',
          message: `must be after today (${today}): the days already counted keep their margin`,
        }
      : null;
  return [
    CODE.test(input.code)
      ? null
      : { field: 'input.code', message: 'must be 1 to 64 letters, digits, _ . - /' },
    rateProblem(input.marginRate),
    validFrom,
  ].filter((p): p is FieldProblem => p !== null);
}

interface ProductRow {
  code: string;
  name_zh: string;
  name_en: string;
  family: string;
  margin_rate: string;
  current_rate: string;
  margins: { validFrom: string; validTo: string | null; marginRate: string }[];
}

/** Products (all, or the codes given) with the rate in force today (UTC) and every dated version. */
export async function products(em: EntityManager, codes: string[] | null = null): Promise<ProductType[]> {
  const rows = await em.execute<ProductRow[]>(
    `select p.code, p.name_zh, p.name_en, p.family, p.margin_rate::text,
       coalesce((select m.margin_rate from product_margin m where m.product_code = p.code
                   and m.valid_from <= current_date and (m.valid_to is null or m.valid_to > current_date)),
                p.margin_rate)::text as current_rate,
       coalesce((select json_agg(json_build_object('validFrom', m.valid_from::text, 'validTo', m.valid_to::text,
                   'marginRate', m.margin_rate::text) order by m.valid_from)
                 from product_margin m where m.product_code = p.code), '[]'::json) as margins
     from product p where ?::jsonb is null or p.code in (select jsonb_array_elements_text(?::jsonb))
     order by p.code collate "C"`,
    [codes && JSON.stringify(codes), codes && JSON.stringify(codes)],
  );
  return rows.map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    family: r.family,
    marginRate: Number(r.current_rate),
    initialMarginRate: r.margin_rate,
    margins: r.margins.map((m): ProductMarginType => ({ ...m })),
  }));
}

/** A new product; its code must be new (CONFLICT otherwise). One statement; nothing written when refused. */
export async function createProduct(em: EntityManager, input: ProductInput): Promise<ProductType> {
  const problems = productProblems(input);
  if (problems.length) throw badUserInput(problems);
  const inserted = await em.execute<{ code: string }[]>(
    `insert into product (code, name_zh, name_en, family, margin_rate)
     values (?, ?, ?, ?::product_family, ?::numeric) on conflict (code) do nothing returning code`,
    [input.code, input.nameZh.trim(), input.nameEn.trim(), input.family, input.marginRate],
  );
  if (inserted.length === 0) throw conflict(`a product "${input.code}" exists already`, 'input.code');
  return (await products(em, [input.code]))[0];
}

/**
 * A new margin version of a product from `validFrom` on (after today, so no day already counted
 * changes: revenue is summed into the rollups as contacts arrive); the version in force until then
 * ends that day. One transaction under an advisory lock per product; nothing written when refused.
 */
export async function setProductMargin(em: EntityManager, input: ProductMarginInput): Promise<ProductType> {
  const today = new Date().toISOString().slice(0, 10);
  const problems = productMarginProblems(input, today);
  if (problems.length) throw badUserInput(problems);
  await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`product_margin:${input.code}`]);
    const [product] = await tx.execute<{ latest: string | null }[]>(
      `select (select max(valid_from)::text from product_margin where product_code = p.code) as latest
       from product p where p.code = ?`,
      [input.code],
    );
    if (!product) throw notFound('Product', 'input.code', input.code);
    if (product.latest !== null && input.validFrom <= product.latest)
      throw conflict(
        `overlaps the version from ${product.latest}: a new margin must start after it`,
        'input.validFrom',
      );
    await tx.execute(
      `update product_margin set valid_to = ?::date where product_code = ? and valid_to is null`,
      [input.validFrom, input.code],
    );
    await tx.execute(
      `insert into product_margin (product_code, valid_from, valid_to, margin_rate) values (?, ?::date, null, ?::numeric)`,
      [input.code, input.validFrom, input.marginRate],
    );
  });
  return (await products(em, [input.code]))[0];
}
