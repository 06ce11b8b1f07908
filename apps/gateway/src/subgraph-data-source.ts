import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { InternalTokenSigner } from '@switchboard/auth';
import { GraphQLError } from 'graphql';
import { nullEntitiesOf } from './failed-entities';
import type { GatewayContext } from './gateway-context';
import { identityKey, InflightQueries } from './inflight-queries';
import { subgraphFetcher } from './subgraph-fetch';
import { withUnresolvedEntityErrors } from './unresolved-entities';
import { requestErrorAnswerOf, type SubgraphAnswer } from './subgraph-answers';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type SubgraphRequest = GraphQLDataSourceProcessOptions<GatewayContext>['request'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

function reasonOf(error: unknown, status: number | undefined, timeoutMs: number): string {
  if (status !== undefined) return `answered HTTP ${status}`;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `did not answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
  return `is unreachable${cause ? ` (${cause})` : ''}`;
}

/** Thrown from didEncounterError to carry a subgraph's refusal of the request to process(). */
class RequestRefused extends Error {
  constructor(readonly answer: SubgraphAnswer) {
    super('the subgraph refused the request');
  }
}

/**
 * One subgraph as the gateway sees it: its URL, a timeout, and on every request a token minted for
 * this subgraph alone, carrying the caller and the request id.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Identical reads of this subgraph on their way now (see InflightQueries). */
  readonly inflight = new InflightQueries<SubgraphResponse>();

  constructor(
    readonly name: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly sign: InternalTokenSigner,
    /** Identical concurrent reads sent once (default on). */
    private readonly deduplicate = true,
  ) {
    super({ url, fetcher: subgraphFetcher(timeoutMs) });
    // Overrides RemoteGraphQLDataSource.sendRequest (private in its types, so set here): the
    // original builds a node-fetch Request on every fetch only to pass it to didEncounterError,
    // which ignores it here; url.parse and node-fetch's headers were about 5 % of the gateway's CPU
    // under the mixed morning (issue 23). Otherwise the same steps.
    Object.defineProperty(this, 'sendRequest', { value: this.send.bind(this) });
  }

  /** One subgraph request: the body as the original writes it, an error for a non-2xx answer. */
  private async send(request: SubgraphRequest): Promise<SubgraphResponse> {
    const { http, ...body } = request;
    if (!http) throw new Error("Internal error: Only 'http' requests are supported.");
    const init = {
      method: http.method,
      headers: Object.fromEntries(http.headers),
      body: JSON.stringify(body),
    };
    let response: FetcherResponse | undefined;
    try {
      response = await this.fetcher(http.url, init);
      if (!response.ok) throw await this.errorFromResponse(response);
      const parsed = await this.parseBody(response);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
      return { ...parsed, http: response } as SubgraphResponse;
    } catch (error) {
      this.didEncounterError(error as Error, null, response);
      throw error;
    }
  }

  /**
   * A subgraph that is down answers an `_entities` fetch with the fields it was asked null and the
   * error (see failed-entities.ts), so the fetches that @require its part still run; any other failed
   * fetch is the error alone. An entity answered null gets an error saying so (unresolved-entities.ts).
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<SubgraphResponse> {
    try {
      const answer = await this.processShared(options);
      return withUnresolvedEntityErrors(answer, options.request.variables?.representations, this.name);
    } catch (error) {
      // The caller's mistake (HTTP 4xx with GraphQL errors): its errors, with their codes and paths.
      if (error instanceof RequestRefused) return { ...error.answer };
      if (
        !(error instanceof GraphQLError) ||
        error.extensions.code !== SUBGRAPH_UNAVAILABLE ||
        !('incomingRequestContext' in options)
      ) {
        throw error;
      }
      const data = nullEntitiesOf(
        options.request.query,
        options.request.variables,
        options.incomingRequestContext.schema,
      );
      if (!data) throw error;
      return { data, errors: [error] };
    }
  }

  /**
   * A fetch of a query (never of a mutation's plan) shares the answer of an identical one already
   * on its way for the same caller.
   */
  private processShared(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    if (
      !this.deduplicate ||
      !('incomingRequestContext' in options) ||
      options.incomingRequestContext.operation?.operation !== 'query' ||
      !options.context?.identity
    ) {
      return super.process(options);
    }
    const { query, variables, operationName } = options.request;
    const key = JSON.stringify([
      identityKey(options.context.identity),
      query,
      operationName ?? null,
      variables ?? null,
    ]);
    return this.inflight.run(key, () => super.process(options));
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    // The gateway's own calls (none today) carry no caller: they are sent without a token and refused.
    if (!context?.identity) return;
    // The request id travels as a header, so the caller's token for this subgraph can be reused
    // across fetches and requests (see createInternalTokenSigner).
    headers.set('x-request-id', context.requestId);
    headers.set('authorization', `Bearer ${await this.sign(context.identity, this.name)}`);
  }

  /**
   * A failed fetch becomes an error that names the subgraph; the rest of the plan still answers. A
   * 4xx carrying GraphQL errors is no failure of the subgraph: process() answers with its errors.
   */
  override didEncounterError(
    error: Error,
    _request: unknown,
    response?: { status: number; ok: boolean },
  ): void {
    const body =
      error instanceof GraphQLError ? (error.extensions.response as { body?: unknown })?.body : undefined;
    const refused = response && !response.ok ? requestErrorAnswerOf(response.status, body) : null;
    if (refused) throw new RequestRefused(refused);
    throw this.unavailable(error, response && !response.ok ? response.status : undefined);
  }

  /** The error of a fetch that got no GraphQL answer (down, slow, HTTP 5xx): it names the subgraph. */
  unavailable(error: unknown, status?: number): GraphQLError {
    return new GraphQLError(`Subgraph "${this.name}" ${reasonOf(error, status, this.timeoutMs)}`, {
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: this.name },
    });
  }
}
