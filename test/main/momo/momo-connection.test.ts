import { describe, expect, it } from 'vitest';
import { parseConnection } from '../../../main/momo/momo-connection';
import { MomoConfigError } from '../../../main/momo/momo-errors';

const base = { profileId: 'p', targetEnvironment: 'sandbox', currency: 'EUR' };

describe('connection settings from a profile', () => {
  it('takes https anywhere and plain http only on loopback', () => {
    expect(parseConnection({ ...base, baseUrl: 'https://sandbox.momodeveloper.mtn.com/' }).baseUrl).toBe('https://sandbox.momodeveloper.mtn.com');
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:9', 'http://127.5.6.7']) expect(parseConnection({ ...base, baseUrl: url }).baseUrl).toBe(url);
    expect(() => parseConnection({ ...base, baseUrl: 'http://sandbox.momodeveloper.mtn.com' })).toThrow(/"baseUrl": sandbox.momodeveloper.mtn.com must be reached over https/);
    expect(() => parseConnection({ ...base, baseUrl: 'http://10.0.0.1' })).toThrow(MomoConfigError);
    expect(() => parseConnection({ ...base, baseUrl: 'http://127.0.0.1', callbackUrl: 'http://example.com/cb' })).toThrow(/"callbackUrl"/);
  });

  it('refuses credentials in the URL, other schemes and bad fields, by name', () => {
    expect(() => parseConnection({ ...base, baseUrl: 'https://user:pw@example.com' })).toThrow(/credentials do not belong in the URL/);
    expect(() => parseConnection({ ...base, baseUrl: 'ftp://example.com' })).toThrow(/"baseUrl"/);
    expect(() => parseConnection({ ...base, baseUrl: 'https://example.com', currency: 'eur' })).toThrow(/"currency": a three-letter ISO 4217 code/);
    expect(() => parseConnection({ ...base, profileId: '', baseUrl: 'https://example.com' })).toThrow(/"profileId"/);
  });
});
