import { developmentTokensAllowed } from './development-tokens';

const SECRET = 'x'.repeat(32);

describe('developmentTokensAllowed', () => {
  it('offers demo sign-in with the embedded secret only', () => {
    expect(developmentTokensAllowed({ secret: SECRET }, {})).toBe(true);
    expect(developmentTokensAllowed({}, {})).toBe(false);
  });

  it('never with a production identity provider or in production', () => {
    expect(developmentTokensAllowed({ secret: SECRET, jwksUrl: 'https://idp.example/jwks' }, {})).toBe(false);
    expect(developmentTokensAllowed({ secret: SECRET }, { NODE_ENV: 'production' })).toBe(false);
  });
});
