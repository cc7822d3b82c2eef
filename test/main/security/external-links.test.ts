import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../main/security/external-links';

describe('external links', () => {
  it.each(['https://momodeveloper.mtn.com/', 'https://momodeveloper.mtn.com/api-documentation', 'https://momoapi.mtn.com/'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'http://momodeveloper.mtn.com/',
    'https://momodeveloper.mtn.com.evil.example/',
    'https://user:pass@momodeveloper.mtn.com/',
    'https://momodeveloper.mtn.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://evil.example/?https://momodeveloper.mtn.com/',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
