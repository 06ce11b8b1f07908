import { ApolloProvider, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client';
import { CentersDocument } from './api/generated';
import { QueryState } from './components/query-state';
import { useI18n } from './i18n/i18n';
import { LOCALES } from './i18n/messages';
import { AgentPage } from './pages/agent-page';
import { CenterOverview } from './pages/center-overview';
import { ErlangCalculator } from './pages/erlang-calculator';
import { HrPage } from './pages/hr-page';
import { QaPage } from './pages/qa-page';
import { SignIn } from './pages/sign-in';
import { TeamPage } from './pages/team-page';
import { parseRoute, routeHref, type Route } from './routing';
import { isAgentOnly, loadSession, saveSession, type Session } from './session';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function App() {
  const { t, locale, setLocale } = useI18n();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const client = useMemo(() => (session ? createApiClient(session.token) : null), [session]);
  const signIn = (next: Session | null) => {
    saveSession(next);
    window.location.hash =
      next && isAgentOnly(next) && next.employeeNo
        ? routeHref({ page: 'agent', employeeNo: next.employeeNo })
        : '#/';
    setSession(next);
  };
  return (
    <div className="app">
      <header className="header">
        <h1>{t('appTitle')}</h1>
        <label className="language">
          {t('language')}
          <select value={locale} onChange={(e) => setLocale(e.target.value as (typeof LOCALES)[number])}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {l === 'en' ? 'English' : '简体中文'}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <p className="who">
            {t('signedInAs')} <strong>{session.label}</strong>{' '}
            <button type="button" onClick={() => signIn(null)}>
              {t('signOut')}
            </button>
          </p>
        )}
      </header>
      <main>
        {session && client ? (
          <ApolloProvider client={client}>
            <SignedIn session={session} />
          </ApolloProvider>
        ) : (
          <SignIn onSignIn={signIn} />
        )}
      </main>
    </div>
  );
}

/** Navigation by role: an agent sees only their own page; others the centers they may read. */
function SignedIn({ session }: { session: Session }) {
  const { t } = useI18n();
  const route = useRoute();
  const agentOnly = isAgentOnly(session);
  const { data, loading, error } = useQuery(CentersDocument, { skip: agentOnly });
  if (agentOnly) {
    return session.employeeNo ? (
      <AgentPage employeeNo={session.employeeNo} timeZone={DEFAULT_TIME_ZONE} />
    ) : (
      <p role="alert">{t('noData')}</p>
    );
  }
  const centers = data?.centers ?? [];
  const home = centers.find((c) => session.centers.includes(c.code)) ?? centers[0];
  const timeZone = home?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <>
      <nav aria-label={t('center')}>
        <ul>
          {centers.map((c) => (
            <li key={c.id}>
              <a href={routeHref({ page: 'center', centerId: c.id })}>{c.name}</a>
            </li>
          ))}
          {session.employeeNo && (
            <li>
              <a href={routeHref({ page: 'agent', employeeNo: session.employeeNo })}>{t('myPage')}</a>
            </li>
          )}
          {home && (
            <li>
              <a href={routeHref({ page: 'hr', centerId: home.id })}>{t('hr')}</a>
            </li>
          )}
          <li>
            <a href={routeHref({ page: 'qa' })}>{t('qa')}</a>
          </li>
          <li>
            <a href={routeHref({ page: 'erlang' })}>{t('erlang')}</a>
          </li>
        </ul>
      </nav>
      <QueryState loading={loading} error={error} hasData={!!data}>
        {route.page === 'center' &&
          (() => {
            const center = centers.find((c) => c.id === route.centerId) ?? home;
            return center ? <CenterOverview key={center.id} center={center} /> : <p>{t('noData')}</p>;
          })()}
        {route.page === 'team' && <TeamPage key={route.teamId} teamId={route.teamId} timeZone={timeZone} />}
        {route.page === 'agent' && (
          <AgentPage key={route.employeeNo} employeeNo={route.employeeNo} timeZone={timeZone} />
        )}
        {route.page === 'erlang' && <ErlangCalculator />}
        {route.page === 'qa' && <QaPage session={session} />}
        {route.page === 'hr' &&
          (() => {
            const center = centers.find((c) => c.id === route.centerId) ?? home;
            return center ? <HrPage key={center.id} center={center} /> : <p>{t('noData')}</p>;
          })()}
      </QueryState>
    </>
  );
}
