import type { ApolloGateway, Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';
import { resultOfAnswer, resultOfFailure, type FastPathResult } from './fast-path-answer';
import type { GatewayContext } from './gateway-context';
import { requestErrorAnswerOf, type SubgraphAnswer } from './subgraph-answers';
import type { SubgraphDataSource } from './subgraph-data-source';

type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type LoadResult = Awaited<ReturnType<GatewayInterface['load']>>;
type GatewayExecutor = LoadResult['executor'];
type PlanResolved = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = PlanResolved['queryPlan'];
type GatewayGraphQLRequestContext = PlanResolved['requestContext'];

/** Operations remembered (by query hash and operation name); past it the memory starts over. */
const MAX_ROUTES = 1_000;

/**
 * The data of a subgraph's answer kept as the JSON text it arrived in: the gateway sends it on as
 * it is (see `stringifyFastPathResult`) instead of parsing, reshaping and serializing it again.
 * Anything else that serializes it (JSON.stringify) gets the same value through toJSON.
 */
export class RawJsonData {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** Whether `plan` is one fetch from one subgraph, no entity jumps: its answer is that subgraph's. */
export function singleFetchService(plan: QueryPlan): string | null {
  const node = plan.node;
  if (node?.kind !== 'Fetch' || node.operationKind !== OperationTypeNode.QUERY) return null;
  if (node.requires || node.inputRewrites?.length || node.outputRewrites?.length) return null;
  if (node.contextRewrites?.length) return null;
  return node.serviceName;
}

/** Introspection (`__schema`, `__type`) is answered by the gateway from the supergraph, never sent on. */
function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

const isWhitespace = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9;

/**
 * The text of `data` when `body` is exactly `{"data": <object>}` (no errors, no extensions), else
 * null, without building the value. Usually no `"errors"` or `"extensions"` key is anywhere in the
 * text (inside a string their quotes would be escaped), and the data is what lies between the
 * prefix and the last brace; otherwise the text is scanned (strings and nesting) for the data's end.
 */
export function dataTextOf(body: string): string | null {
  const prefix = '{"data":{';
  if (!body.startsWith(prefix)) return null;
  if (!body.includes('"errors"') && !body.includes('"extensions"')) {
    const end = body.trimEnd();
    return end.endsWith('}}') ? end.slice(prefix.length - 1, -1) : null;
  }
  let i = prefix.length - 1;
  while (i < body.length && isWhitespace(body.charCodeAt(i))) i += 1;
  if (body.charCodeAt(i) !== 123 /* { */) return null;
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* [ */) depth += 1;
    else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth -= 1;
      if (depth === 0) break;
    }
  }
  if (depth !== 0) return null;
  const end = i + 1;
  let rest = end;
  while (rest < body.length && isWhitespace(body.charCodeAt(rest))) rest += 1;
  if (body.charCodeAt(rest) !== 125) return null;
  for (rest += 1; rest < body.length; rest += 1) if (!isWhitespace(body.charCodeAt(rest))) return null;
  return body.slice(start, end);
}

/** Apollo Server's stringifyResult: a fast-path answer's data goes out as the subgraph wrote it. */
export function stringifyFastPathResult(value: {
  errors?: unknown;
  data?: unknown;
  extensions?: unknown;
}): string {
  if (value.data instanceof RawJsonData && value.errors === undefined && value.extensions === undefined) {
    return `{"data":${value.data.json}}\n`;
  }
  return `${JSON.stringify(value)}\n`;
}

const routeKey = (context: { queryHash?: string; request: { operationName?: string | null } }): string =>
  `${context.queryHash ?? ''}|${context.request.operationName ?? ''}`;

/**
 * The gateway with a single-subgraph fast path. A query whose plan (the gateway's own, learnt on its
 * first run through the normal path) is one root fetch from one subgraph, with no entity jumps, is
 * sent as the client wrote it (same text, operation name and variables) to that subgraph through
 * the same data source (its token, its timeout), and the subgraph's data is answered as it is:
 * the subgraph resolves the same fields the plan would have asked it for, and the gateway's
 * result shaping would only copy them. Anything else goes the normal way: mutations, introspection,
 * and plans with more than one fetch. An answer that is not plain data (errors, a refusal, no answer)
 * is turned into the result the normal path would give for it, never sent again: each operation runs
 * once (a query with errors may have written, e.g. staff's PII audit).
 * Validation, armor limits, authentication and hideSchemaDetails all happen before the executor.
 */
export class FastPathGateway implements GatewayInterface {
  /** Query hash and operation name -> the one subgraph answering it, or null (the normal path). */
  private readonly routes = new Map<string, string | null>();

  constructor(
    private readonly gateway: ApolloGateway,
    private readonly sources: ReadonlyMap<string, SubgraphDataSource>,
  ) {}

  /** For ApolloGateway's experimental_didResolveQueryPlan: remembers which operations qualify. */
  readonly learn = (options: PlanResolved): void => {
    const { requestContext, queryPlan } = options;
    if (this.routes.size >= MAX_ROUTES) this.routes.clear();
    const service = singleFetchService(queryPlan);
    const document = requestContext.document;
    const eligible =
      service !== null &&
      this.sources.has(service) &&
      requestContext.operation?.operation === OperationTypeNode.QUERY &&
      document !== undefined &&
      !asksIntrospection(document) &&
      document.definitions.every((d) => d.kind !== Kind.OPERATION_DEFINITION || d.operation === 'query');
    this.routes.set(routeKey(requestContext), eligible ? service : null);
  };

  onSchemaLoadOrUpdate: GatewayInterface['onSchemaLoadOrUpdate'] = (callback) =>
    this.gateway.onSchemaLoadOrUpdate((schema) => {
      this.routes.clear();
      callback(schema);
    });

  async load(options: Parameters<GatewayInterface['load']>[0]): ReturnType<GatewayInterface['load']> {
    const loaded = await this.gateway.load(options);
    const normal = loaded.executor;
    const executor: GatewayExecutor = async (requestContext) => {
      const service = this.routes.get(routeKey(requestContext));
      if (service) {
        const result = await this.fetchData(service, requestContext);
        if (result !== null) return result as unknown as Awaited<ReturnType<NonNullable<GatewayExecutor>>>;
      }
      return normal(requestContext);
    };
    return { ...loaded, executor };
  }

  stop(): Promise<void> {
    return this.gateway.stop();
  }

  /**
   * The subgraph's answer: its data as text when it is plain data, else the result the normal path
   * would give for it (errors, a refusal, no answer). Either way the query ran once.
   */
  private async fetchData(
    service: string,
    requestContext: GatewayGraphQLRequestContext,
  ): Promise<{ data: RawJsonData } | FastPathResult | null> {
    const source = this.sources.get(service);
    const { request, source: text, operation, document, schema } = requestContext;
    if (!source || !text || !operation || !document) return null;
    const asked = { schema, document, operation, variables: request.variables ?? {} };
    const subgraphRequest = {
      query: text,
      operationName: request.operationName,
      variables: request.variables,
      http: { method: 'POST', url: source.url, headers: new Headers({ 'content-type': 'application/json' }) },
    };
    const context = requestContext.context as unknown as GatewayContext;
    let response: Awaited<ReturnType<typeof source.fetcher>>;
    let body: string;
    try {
      await source.willSendRequest({
        kind: 0 /* GraphQLDataSourceRequestKind.INCOMING_OPERATION */,
        request: subgraphRequest as never,
        incomingRequestContext: requestContext,
        context,
      } as never);
      response = await source.fetcher(source.url, {
        method: 'POST',
        headers: Object.fromEntries(subgraphRequest.http.headers),
        body: JSON.stringify({
          query: text,
          operationName: request.operationName,
          variables: request.variables,
        }),
      });
      body = await response.text();
    } catch (error) {
      return resultOfFailure(source.unavailable(error), asked);
    }
    if (response.ok) {
      const data = dataTextOf(body);
      if (data !== null) return { data: new RawJsonData(data) };
    }
    const answer = answerOf(response.ok, response.status, body);
    if (answer) return resultOfAnswer(answer, service, asked);
    return resultOfFailure(source.unavailable(null, response.ok ? undefined : response.status), asked);
  }
}

/** The GraphQL answer in a subgraph's response: any JSON answer with data or errors when OK, a refusal's otherwise. */
function answerOf(ok: boolean, status: number, body: string): SubgraphAnswer | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!ok) return requestErrorAnswerOf(status, parsed);
  const { data, errors } = (parsed ?? {}) as { data?: unknown; errors?: unknown };
  if (errors !== undefined && !Array.isArray(errors)) return null;
  if (data === undefined && !errors) return null;
  return {
    data: (data ?? null) as Record<string, unknown> | null,
    errors: (errors ?? []) as SubgraphAnswer['errors'],
  };
}
