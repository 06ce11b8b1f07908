import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

/**
 * The GraphQL IDE at GET /graphql, all in this page: Apollo's default landing page loads Apollo
 * Sandbox from a CDN, which a bank intranet cannot reach. Its Content-Security-Policy lets the
 * browser talk to this server alone.
 */
export const GRAPHQL_IDE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'">
<title>Switchboard GraphQL</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  header { display: flex; gap: 8px; align-items: center; padding: 8px; background: #1f2937; color: #fff; }
  header input { flex: 1; font: 12px monospace; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; min-height: 0; }
  section { display: grid; grid-template-rows: 3fr 1fr; gap: 8px; min-height: 0; }
  textarea, pre { font: 13px/1.4 monospace; margin: 0; padding: 8px; border: 1px solid #ccc; overflow: auto; }
  pre { background: #f8f8f8; white-space: pre-wrap; }
</style>
</head>
<body>
<header>
  <strong>Switchboard GraphQL</strong>
  <input id="token" placeholder="Bearer token (npx switchboard token --role ADMIN)" autocomplete="off">
  <button id="run" title="Ctrl-Enter">Run</button>
  <button id="schema">Root fields</button>
</header>
<main>
  <section>
    <textarea id="query" spellcheck="false">{
  centers {
    code
    name
  }
}</textarea>
    <textarea id="variables" spellcheck="false" placeholder="Variables (JSON)"></textarea>
  </section>
  <pre id="result"></pre>
</main>
<script>
  const $ = (id) => document.getElementById(id);
  $('token').value = sessionStorage.getItem('switchboard.ide.token') || '';
  async function send(query, variables) {
    const token = $('token').value.trim().replace(/^Bearer\\s+/i, '');
    sessionStorage.setItem('switchboard.ide.token', token);
    $('result').textContent = '...';
    try {
      const response = await fetch(location.pathname, {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json' }, token ? { authorization: 'Bearer ' + token } : {}),
        body: JSON.stringify({ query, variables }),
      });
      $('result').textContent = JSON.stringify(await response.json(), null, 2);
    } catch (error) {
      $('result').textContent = String(error);
    }
  }
  function run() {
    let variables;
    try {
      variables = $('variables').value.trim() ? JSON.parse($('variables').value) : undefined;
    } catch (error) {
      $('result').textContent = 'Variables are not JSON: ' + error.message;
      return;
    }
    void send($('query').value, variables);
  }
  $('run').onclick = run;
  $('schema').onclick = () =>
    send('{ __schema { queryType { fields { name description } } mutationType { fields { name description } } } }');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run();
  });
</script>
</body>
</html>
`;

/** The IDE where people develop; none in production (NODE_ENV=production), where GET /graphql shows no page. */
export function graphqlIde<TContext extends BaseContext>(
  enabled = process.env.NODE_ENV !== 'production',
): ApolloServerPlugin<TContext>[] {
  if (!enabled) return [ApolloServerPluginLandingPageDisabled()];
  return [{ serverWillStart: async () => ({ renderLandingPage: async () => ({ html: GRAPHQL_IDE_HTML }) }) }];
}
