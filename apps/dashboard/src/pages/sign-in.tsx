import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { sessionFromToken, type Session } from '../session';

interface DevelopmentToken {
  label: string;
  token: string;
}

/**
 * Demo identities come from the gateway's development token list (served only with the embedded
 * setup's secret); with a production identity provider, a token it issued is pasted or arrives in
 * the URL fragment (#access_token=...).
 */
export function SignIn({ onSignIn }: { onSignIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [identities, setIdentities] = useState<DevelopmentToken[] | null | 'off'>(null);
  const [pasted, setPasted] = useState('');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/dev/tokens')
      .then(
        async (response): Promise<DevelopmentToken[] | 'off'> =>
          response.ok ? ((await response.json()) as DevelopmentToken[]) : 'off',
      )
      .then((list) => live && setIdentities(list))
      .catch(() => live && setIdentities('off'));
    return () => {
      live = false;
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(pasted);
    setInvalid(!session);
    if (session) onSignIn(session);
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('signIn')}</h2>
      {identities === null && <p role="status">{t('loading')}</p>}
      {identities === 'off' && <p>{t('noDevTokens')}</p>}
      {Array.isArray(identities) && (
        <>
          <h3>{t('signInAs')}</h3>
          <ul className="identities">
            {identities.map((identity) => (
              <li key={identity.label}>
                <button
                  type="button"
                  onClick={() => {
                    const session = sessionFromToken(identity.token, identity.label);
                    if (session) onSignIn(session);
                  }}
                >
                  {identity.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={submit}>
        <h3>{t('signInToken')}</h3>
        <label>
          {t('token')}
          <textarea
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            rows={3}
            aria-invalid={invalid}
          />
        </label>
        <button type="submit">{t('useToken')}</button>
      </form>
    </section>
  );
}
