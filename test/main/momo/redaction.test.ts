import { describe, expect, it } from 'vitest';
import { redactBody, redactHeaders, SecretScrubber } from '../../../main/momo/redaction';

describe('redaction', () => {
  const scrubber = new SecretScrubber();
  scrubber.pin('sub-key-0123456789');
  scrubber.add('short');

  it('replaces secret headers by name, whatever their case, and scrubs known values from the rest', () => {
    expect(redactHeaders({ Authorization: 'Bearer abc', 'Ocp-Apim-Subscription-Key': 'sub-key-0123456789', 'X-Debug': 'key was sub-key-0123456789', 'X-Reference-Id': 'r' }, scrubber)).toEqual({
      authorization: '[redacted]',
      'ocp-apim-subscription-key': '[redacted]',
      'x-debug': 'key was [redacted]',
      'x-reference-id': 'r',
    });
  });

  it('replaces secret fields in JSON at any depth and in forms, keeps everything else', () => {
    expect(JSON.parse(redactBody('{"access_token":"t","nested":[{"refresh_token":"r","apiKey":"k"}],"expires_in":3600}', scrubber) ?? '')).toEqual({
      access_token: '[redacted]',
      nested: [{ refresh_token: '[redacted]', apiKey: '[redacted]' }],
      expires_in: 3600,
    });
    expect(redactBody('grant_type=refresh_token&refresh_token=abc123', scrubber)).toBe('grant_type=refresh_token&refresh_token=%5Bredacted%5D');
    expect(redactBody('login_hint=ID%3A46733123450%2FMSISDN&scope=profile', scrubber)).toBe('login_hint=ID%3A46733123450%2FMSISDN&scope=profile');
  });

  it('scrubs a known secret value that turns up in an ordinary field or in plain text', () => {
    expect(redactBody('{"message":"bad key sub-key-0123456789"}', scrubber)).toBe('{"message":"bad key [redacted]"}');
    expect(redactBody('upstream said sub-key-0123456789', scrubber)).toBe('upstream said [redacted]');
    // Values too short to be secrets are not registered: they would mangle ordinary text.
    expect(scrubber.scrub('a short note')).toBe('a short note');
  });

  it('keeps only the most recent tokens once full, longest first, and never drops a pinned secret', () => {
    const small = new SecretScrubber(2);
    small.pin('the-api-key-000');
    small.add('first-secret-1');
    small.add('second-secret-2');
    small.add('second-secret-2-longer');
    expect(small.scrub('the-api-key-000 first-secret-1 second-secret-2-longer second-secret-2')).toBe('[redacted] first-secret-1 [redacted] [redacted]');
  });
});
