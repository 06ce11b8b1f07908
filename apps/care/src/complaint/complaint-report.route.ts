import { forbidden } from '@switchboard/auth';
import type { RouteHandler } from '@switchboard/subgraph-kit';
import { readsComplaints, visibleComplaintsSql } from '../access/complaint-access';
import { reportCsv, reportProblems, reportRows } from './complaint-report';
import { DEFAULT_COMPLAINT_TIME_ZONE } from './complaint.service';

function refuse(response: Parameters<RouteHandler>[1], status: number, code: string, message: string) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ type: 'error', code, message }));
}

/**
 * GET /export/complaints?month=YYYY-MM: the monthly complaint report as CSV (complaint-report.ts),
 * of the complaints the caller reads (CASE_HANDLER of their centers, managers of their center, ADMIN),
 * customers masked for everyone; refused (500, nothing sent) if a row breaks the report's schema.
 */
export const complaintExportRoute = (): Record<string, RouteHandler> => ({
  '/export/complaints': async (request, response, ctx) => {
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const month = new URL(request.url ?? '/', 'http://care').searchParams.get('month') ?? '';
    const match = /^(\d{4})-(\d{2})$/.exec(month);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[1]) < 2000)
      return refuse(response, 400, 'BAD_USER_INPUT', 'month: must be a month YYYY-MM (2000 or later)');
    if (!readsComplaints(ctx))
      return refuse(
        response,
        403,
        'FORBIDDEN',
        forbidden('exportComplaints needs one of the roles CASE_HANDLER, CENTER_MANAGER, ADMIN').message,
      );
    const rows = await reportRows(
      ctx.em,
      month,
      DEFAULT_COMPLAINT_TIME_ZONE,
      visibleComplaintsSql(ctx, await ctx.scope(), 'x'),
    );
    const problems = reportProblems(rows);
    if (problems.length) {
      ctx.logger.error({ problems: problems.slice(0, 20) }, 'complaint report breaks its schema');
      return refuse(
        response,
        500,
        'INTERNAL_SERVER_ERROR',
        `the report breaks its schema: ${problems.slice(0, 5).join('; ')}`,
      );
    }
    response.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="complaints-${month}.csv"`,
      'x-report-rows': String(rows.length),
    });
    response.end(reportCsv(rows));
  },
});
