import { readSurveyNdjson, surveyRowOf } from './survey-file';

const cells = {
  invitation_id: 'i-1',
  form_code: 'POST_CALL',
  contact_source: 'pbx',
  contact_external_id: 'c-1',
  sent_at: '2026-11-10T09:10:00+08:00',
  status: 'finished',
  answered_at: '2026-11-10T09:20:00Z',
  score: '5',
  verbatim: '',
};

describe('survey export rows', () => {
  it('reads a row: status in any case, instants with their offset, an empty verbatim as none', () => {
    expect(surveyRowOf(2, cells)).toEqual({
      row: 2,
      invitationKey: 'i-1',
      formCode: 'POST_CALL',
      formRevision: null,
      contactSource: 'pbx',
      contactExternalId: 'c-1',
      sentAt: new Date('2026-11-10T01:10:00Z'),
      status: 'FINISHED',
      answeredAt: new Date('2026-11-10T09:20:00Z'),
      score: 5,
      verbatim: null,
    });
  });

  it.each([
    [{ invitation_id: '' }, 'invitation_id', 'is required'],
    [{ status: 'DONE' }, 'status', 'must be one of SENT, OPENED, FINISHED, EXPIRED, OPTED_OUT'],
    [
      { sent_at: '2026-11-10 09:10' },
      'sent_at',
      'must be an instant with its offset, e.g. 2026-11-10T09:30:00+08:00',
    ],
    [{ score: '4.5' }, 'score', 'must be a whole number'],
    [{ form_revision: 'two' }, 'form_revision', 'must be a whole number'],
  ])('%j is refused on %s', (change, field, message) => {
    expect(surveyRowOf(3, { ...cells, ...change })).toEqual({ row: 3, employeeNo: null, field, message });
  });

  it('NDJSON: a line that is not an object is reported with its line; blank lines are skipped', async () => {
    const parsed = await readSurveyNdjson(`${JSON.stringify(cells)}\n\n[1]\n`);
    expect(parsed.read).toBe(2);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { row: 3, employeeNo: null, field: 'json', message: 'must be an object' },
    ]);
  });
});
