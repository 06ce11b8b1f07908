import { postGraphQL, startTestSubgraph, type TestSubgraph } from '@switchboard/testing';
import { staffSubgraph } from '../staff.subgraph';
import { StaffFactory } from '../testing/staff-factories';

describe('centers', () => {
  let staff: TestSubgraph;
  let factory: StaffFactory;

  beforeAll(async () => {
    staff = await startTestSubgraph(staffSubgraph);
    factory = new StaffFactory(staff.url);
  });
  afterAll(() => staff.stop());

  const create = (input: Record<string, unknown>) =>
    postGraphQL(
      staff.url,
      `mutation($input: CreateCenterInput!) { createCenter(input: $input) { id code kind activeFrom activeTo timeZone } }`,
      {
        input,
      },
    );

  it('creates a temporary campaign center with its period', async () => {
    const response = await create({
      code: 'CAMP-2026',
      name: 'Spring campaign',
      timeZone: 'Europe/Paris',
      kind: 'TEMPORARY',
      activeFrom: '2026-03-01',
      activeTo: '2026-05-31',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.createCenter).toMatchObject({
      code: 'CAMP-2026',
      kind: 'TEMPORARY',
      activeTo: '2026-05-31',
    });
  });

  it.each([
    [{ code: 'x', name: 'n', timeZone: 'UTC' }, 'code'],
    [{ code: 'GOOD-1', name: '', timeZone: 'UTC' }, 'name'],
    [{ code: 'GOOD-2', name: 'n', timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ code: 'GOOD-3', name: 'n', timeZone: 'UTC', kind: 'TEMPORARY' }, 'activeFrom'],
    [
      { code: 'GOOD-4', name: 'n', timeZone: 'UTC', activeFrom: '2026-05-01', activeTo: '2026-04-01' },
      'activeTo',
    ],
  ])('rejects %j naming the field %s, and writes nothing', async (input, field) => {
    const before = await postGraphQL<{ centers: unknown[] }>(staff.url, '{ centers { id } }');
    const response = await create(input);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(field);
    const after = await postGraphQL<{ centers: unknown[] }>(staff.url, '{ centers { id } }');
    expect(after.data?.centers).toHaveLength(before.data?.centers.length ?? -1);
  });

  it('rejects a duplicate code', async () => {
    const center = await factory.center();
    const response = await create({ code: center.code, name: 'again', timeZone: 'UTC' });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^code: /);
  });

  it('rejects a date that is not a calendar day at the GraphQL layer', async () => {
    const response = await create({ code: 'GOOD-5', name: 'n', timeZone: 'UTC', activeFrom: '2026-02-30' });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('activeFrom');
  });

  it('updates a center and reports an unknown id as NOT_FOUND', async () => {
    const center = await factory.center();
    const updated = await postGraphQL(
      staff.url,
      `mutation($id: ID!) { updateCenter(id: $id, input: { name: "Renamed" }) { name } }`,
      {
        id: center.id,
      },
    );
    expect(updated.data?.updateCenter).toEqual({ name: 'Renamed' });
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const missing = await postGraphQL(
        staff.url,
        `mutation($id: ID!) { updateCenter(id: $id, input: { name: "x" }) { name } }`,
        { id },
      );
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});
