import { ApolloProvider, useQuery } from '@apollo/client/react';
import ConfigProvider from 'antd/es/config-provider';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createApiClient } from './api/client';
import { CentersDocument, TeamByCodeDocument } from './api/generated';
import { AgentSearch } from './components/agent-search';
import { QueryState } from './components/query-state';
import { useI18n } from './i18n/i18n';
import { landingNeedsTeam, landingRoute, navKeys } from './landing';
import { LOCALES } from './i18n/messages';
import { SignIn } from './pages/sign-in';
import { isHome, parseRoute, routeHref, type Route } from './routing';
import { isAgentOnly, isCaseWorker, loadSession, saveSession, type Session } from './session';
import { wallboardOptions, type WallboardOptions } from './pages/wallboard';

// Each page (with its tables, pickers and charts) loads when first opened: the sign-in and the shell come first.
const AgentPage = lazy(() => import('./pages/agent-page').then((m) => ({ default: m.AgentPage })));
const CenterOverview = lazy(() =>
  import('./pages/center-overview').then((m) => ({ default: m.CenterOverview })),
);
const ErlangCalculator = lazy(() =>
  import('./pages/erlang-calculator').then((m) => ({ default: m.ErlangCalculator })),
);
const HrPage = lazy(() => import('./pages/hr-page').then((m) => ({ default: m.HrPage })));
const QaPage = lazy(() => import('./pages/qa-page').then((m) => ({ default: m.QaPage })));
const TeamPage = lazy(() => import('./pages/team-page').then((m) => ({ default: m.TeamPage })));
const WallboardPage = lazy(() =>
  import('./pages/wallboard-page').then((m) => ({ default: m.WallboardPage })),
);
const WfmPage = lazy(() => import('./pages/wfm-page').then((m) => ({ default: m.WfmPage })));
const CustomerPage = lazy(() =>
  import('./pages/care/customer-page').then((m) => ({ default: m.CustomerPage })),
);
const FollowUpsPage = lazy(() =>
  import('./pages/care/follow-ups-page').then((m) => ({ default: m.FollowUpsPage })),
);
const ComplaintsPage = lazy(() =>
  import('./pages/voice/complaints-page').then((m) => ({ default: m.ComplaintsPage })),
);
const VocPage = lazy(() => import('./pages/voice/voc-page').then((m) => ({ default: m.VocPage })));
const SalesPage = lazy(() => import('./pages/sales/sales-page').then((m) => ({ default: m.SalesPage })));
const QueuePage = lazy(() => import('./pages/queue/queue-page').then((m) => ({ default: m.QueuePage })));

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

/** The wallboard's address (`#/wallboard/<centerId>?…`), or null on any other page. */
function useWallboard(): WallboardOptions | null {
  const [options, setOptions] = useState(() => wallboardOptions(window.location.hash));
  useEffect(() => {
    const update = () => setOptions(wallboardOptions(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return options;
}

export function App() {
  const { t, locale, setLocale } = useI18n();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const wallboard = useWallboard();
  const client = useMemo(() => (session ? createApiClient(session.token) : null), [session]);
  const signIn = (next: Session | null) => {
    saveSession(next);
    // a shared link (a page with its period) opens once signed in; otherwise the role's landing
    if (next && isAgentOnly(next) && next.employeeNo)
      window.location.hash = routeHref({ page: 'agent', employeeNo: next.employeeNo });
    else if (!next || isHome(window.location.hash)) window.location.hash = '#/';
    setSession(next);
  };
  useEffect(() => {
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  // TV mode: no shell, no interaction; the token of the address (a read-only one) or the session's
  const wallboardToken = wallboard?.token ?? session?.token ?? null;
  if (wallboard && wallboardToken)
    return (
      <Suspense fallback={<p role="status">{t('loading')}</p>}>
        <WallboardPage
          key={`${wallboard.centerId}|${wallboardToken}`}
          options={wallboard}
          token={wallboardToken}
        />
      </Suspense>
    );
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { fontFamily: 'inherit', colorPrimary: '#0b57b0' } }}
    >
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
              <Suspense
                fallback={
                  <p role="status" aria-live="polite">
                    {t('loading')}
                  </p>
                }
              >
                <SignedIn session={session} />
              </Suspense>
            </ApolloProvider>
          ) : (
            <SignIn onSignIn={signIn} />
          )}
        </main>
      </div>
    </ConfigProvider>
  );
}

/** Navigation by role, and each role's landing: the page its day starts on. */
function SignedIn({ session }: { session: Session }) {
  const { t } = useI18n();
  const route = useRoute();
  const agentOnly = isAgentOnly(session);
  const nav = navKeys(session);
  // a team lead reads no center: they are not asked for one
  const readsCenters = nav.includes('centers') || nav.includes('hr');
  const { data, loading, error } = useQuery(CentersDocument, { skip: agentOnly || !readsCenters });
  // a team lead's token names teams by code: the first is where they land (and what "My team" opens)
  const teamCode = session.teams[0] ?? '';
  const team = useQuery(TeamByCodeDocument, { variables: { code: teamCode }, skip: agentOnly || !teamCode });
  const myTeam = team.data?.team ?? null;
  const centers = data?.centers ?? [];
  const home = centers.find((c) => session.centers.includes(c.code)) ?? centers[0];
  const waitingForTeam = landingNeedsTeam(session) && team.loading;
  // a center overview is no page for one who reads no center (a team lead following the team's
  // center link): they land on their work instead
  const onlyTeams = !nav.includes('centers');
  const atHome = isHome(window.location.hash) || (onlyTeams && route.page === 'center');
  useEffect(() => {
    if (agentOnly || !atHome || loading || waitingForTeam) return;
    const landing = landingRoute(session, { homeCenterId: home?.id ?? null, teamId: myTeam?.id ?? null });
    if (landing.page !== 'center') window.location.replace(routeHref(landing));
  }, [agentOnly, atHome, loading, waitingForTeam, session, home?.id, myTeam?.id]);
  if (agentOnly) {
    return session.employeeNo ? (
      <AgentPage employeeNo={session.employeeNo} timeZone={DEFAULT_TIME_ZONE} viewer={session.employeeNo} />
    ) : (
      <p role="alert">{t('noData')}</p>
    );
  }
  const timeZone = home?.timeZone ?? myTeam?.center.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <>
      <nav aria-label={t('navigation')}>
        <ul>
          {nav.includes('centers') &&
            centers.map((c) => (
              <li key={c.id}>
                <a href={routeHref({ page: 'center', centerId: c.id })}>{c.name}</a>
              </li>
            ))}
          {nav.includes('teams') && myTeam && (
            <li>
              <a href={routeHref({ page: 'team', teamId: myTeam.id })}>
                {t('myTeam')}: {myTeam.name}
              </a>
            </li>
          )}
          {nav.includes('myPage') && session.employeeNo && (
            <li>
              <a href={routeHref({ page: 'agent', employeeNo: session.employeeNo })}>{t('myPage')}</a>
            </li>
          )}
          {nav.includes('hr') && home && (
            <li>
              <a href={routeHref({ page: 'hr', centerId: home.id })}>{t('hr')}</a>
            </li>
          )}
          {nav.includes('qa') && (
            <li>
              <a href={routeHref({ page: 'qa' })}>{t('qa')}</a>
            </li>
          )}
          {nav.includes('erlang') && (
            <li>
              <a href={routeHref({ page: 'erlang' })}>{t('erlang')}</a>
            </li>
          )}
          {nav.includes('wfm') && (
            <li>
              <a href={routeHref({ page: 'wfm', centerId: home?.id ?? myTeam?.center.id ?? null })}>
                {t('workforce')}
              </a>
            </li>
          )}
          {nav.includes('customers') && (
            <li>
              <a href={routeHref({ page: 'customer', key: null })}>{t('customers')}</a>
            </li>
          )}
          {nav.includes('followUps') && (
            <li>
              <a href={routeHref({ page: 'followUps' })}>{t('followUps')}</a>
            </li>
          )}
          {nav.includes('complaints') && (
            <li>
              <a href={routeHref({ page: 'complaints', centerId: home?.id ?? null })}>{t('complaints')}</a>
            </li>
          )}
          {nav.includes('voc') && (
            <li>
              <a href={routeHref({ page: 'voc', centerId: home?.id ?? null })}>{t('voc')}</a>
            </li>
          )}
        </ul>
        <AgentSearch />
      </nav>
      <QueryState loading={loading || waitingForTeam} error={error} hasData={!!data || !readsCenters}>
        {route.page === 'center' &&
          (() => {
            if (onlyTeams) return myTeam || waitingForTeam ? null : <p role="alert">{t('noTeamInToken')}</p>;
            const center = centers.find((c) => c.id === route.centerId) ?? home;
            return center ? <CenterOverview key={center.id} center={center} /> : <p>{t('noData')}</p>;
          })()}
        {route.page === 'team' && (
          <TeamPage
            key={route.teamId}
            teamId={route.teamId}
            timeZone={myTeam?.id === route.teamId ? myTeam.center.timeZone : timeZone}
          />
        )}
        {route.page === 'agent' && (
          <AgentPage
            key={route.employeeNo}
            employeeNo={route.employeeNo}
            timeZone={timeZone}
            viewer={session.employeeNo}
          />
        )}
        {route.page === 'erlang' && <ErlangCalculator />}
        {route.page === 'qa' && <QaPage session={session} />}
        {route.page === 'wfm' &&
          (() => {
            const center = centers.find((c) => c.id === route.centerId) ?? home;
            const centerId = center?.id ?? route.centerId ?? myTeam?.center.id ?? null;
            return (
              <WfmPage key={centerId ?? ''} centerId={centerId} timeZone={center?.timeZone ?? timeZone} />
            );
          })()}
        {route.page === 'customer' && (
          <CustomerPage key={route.key ?? ''} customerKey={route.key} session={session} timeZone={timeZone} />
        )}
        {route.page === 'followUps' && (
          <FollowUpsPage timeZone={timeZone} canReassign={isCaseWorker(session)} roles={session.roles} />
        )}
        {(route.page === 'complaints' || route.page === 'voc') &&
          (() => {
            const center = centers.find((c) => c.id === route.centerId);
            const centerId = route.centerId ?? home?.id ?? null;
            const zone = center?.timeZone ?? timeZone;
            return route.page === 'complaints' ? (
              <ComplaintsPage key={centerId ?? ''} centerId={centerId} timeZone={zone} />
            ) : (
              <VocPage key={centerId ?? ''} centerId={centerId} timeZone={zone} />
            );
          })()}
        {route.page === 'sales' && <SalesPage key={route.teamId} teamId={route.teamId} timeZone={timeZone} />}
        {route.page === 'queue' && (
          <QueuePage key={route.queueId} queueId={route.queueId} timeZone={timeZone} />
        )}
        {route.page === 'hr' &&
          (() => {
            const center = centers.find((c) => c.id === route.centerId) ?? home;
            return center ? <HrPage key={center.id} center={center} /> : <p>{t('noData')}</p>;
          })()}
      </QueryState>
    </>
  );
}
