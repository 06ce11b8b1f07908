import { lazy, Suspense, useState } from 'react';
import { useI18n } from './i18n/i18n';
import { LOCALES } from './i18n/messages';
import { SignIn } from './pages/sign-in';
import { wallboardOptions } from './pages/wallboard';
import { isHome, routeHref } from './routing';
import { isAgentOnly, loadSession, saveSession, type Session } from './session';

// The signed-in app (Apollo, Ant Design and its locales, the pages) is a chunk of its own: a cold
// browser opening the sign-in page downloads React and this file only.
const App = lazy(() => import('./app').then((m) => ({ default: m.App })));

/** What the first load shows: the sign-in page, light; once signed in (or with a session kept), the app. */
export function Root() {
  const { t, locale, setLocale } = useI18n();
  // a wallboard with a token in its address (a TV) needs no session: straight to the app, which shows it
  const [signedIn, setSignedIn] = useState(
    () => loadSession() !== null || Boolean(wallboardOptions(window.location.hash)?.token),
  );
  const signIn = (session: Session) => {
    saveSession(session);
    // as the app's own sign-in: an agent to their page; a shared link opens; otherwise the landing
    if (isAgentOnly(session) && session.employeeNo)
      window.location.hash = routeHref({ page: 'agent', employeeNo: session.employeeNo });
    else if (isHome(window.location.hash)) window.location.hash = '#/';
    setSignedIn(true);
  };
  if (signedIn)
    return (
      <Suspense
        fallback={
          <p role="status" aria-live="polite">
            {t('loading')}
          </p>
        }
      >
        <App />
      </Suspense>
    );
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
      </header>
      <main>
        <SignIn onSignIn={signIn} />
      </main>
    </div>
  );
}
