// Creating a profile, or editing the selected one: its non-secret settings.
// The Local sandbox profile is set up by the console and shown, not edited.
import { useId, useState, type FormEvent } from 'react';
import type { Profile } from '../../../../preload/contract';
import { useAdmin, useStores } from '../../stores/app-stores';

interface Fields {
  name: string;
  kind: 'sandbox' | 'production';
  baseUrl: string;
  targetEnvironment: string;
  currency: string;
  callbackHost: string;
  countryCode: string;
  maxRowAmount: string;
  maxBatchTotal: string;
}

const BLANK: Fields = { name: '', kind: 'sandbox', baseUrl: 'https://sandbox.momodeveloper.mtn.com', targetEnvironment: 'sandbox', currency: 'EUR', callbackHost: '', countryCode: '', maxRowAmount: '', maxBatchTotal: '' };

function fieldsOf(profile: Profile): Fields {
  return {
    name: profile.name,
    kind: profile.kind === 'production' ? 'production' : 'sandbox',
    baseUrl: profile.baseUrl,
    targetEnvironment: profile.targetEnvironment,
    currency: profile.currency,
    callbackHost: profile.callbackHost ?? '',
    countryCode: profile.countryCode ?? '',
    maxRowAmount: profile.limits.maxRowAmount ?? '',
    maxBatchTotal: profile.limits.maxBatchTotal ?? '',
  };
}

/** Empty optional fields are left out rather than sent as "". */
function settingsOf(fields: Fields) {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    name: fields.name,
    baseUrl: fields.baseUrl.trim(),
    targetEnvironment: fields.targetEnvironment.trim(),
    currency: fields.currency.trim().toUpperCase(),
    callbackHost: optional(fields.callbackHost),
    countryCode: optional(fields.countryCode.toUpperCase()),
    limits: { maxRowAmount: optional(fields.maxRowAmount), maxBatchTotal: optional(fields.maxBatchTotal) },
  };
}

export function ProfileEditor({ mode, onClose }: { mode: 'create' | 'edit'; onClose: () => void }) {
  const selected = useAdmin((s) => s.profiles.find((p) => p.id === s.selectedId) ?? null);
  const busy = useAdmin((s) => s.busy);
  const admin = useStores().admin.getState;
  const [fields, setFields] = useState<Fields>(mode === 'edit' && selected ? fieldsOf(selected) : BLANK);
  const set = (name: keyof Fields) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = mode === 'create' ? await admin().create({ ...settingsOf(fields), kind: fields.kind }) : selected ? await admin().update(selected.id, settingsOf(fields)) : false;
    if (ok) onClose();
  };
  const id = useId();
  const input = (name: keyof Fields, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} value={fields[name]} onChange={set(name)} autoComplete="off" spellCheck={false} {...(hint ? { 'aria-describedby': `${id}-${name}-hint` } : {})} />
      {hint && (
        <small id={`${id}-${name}-hint`} className="muted">
          {hint}
        </small>
      )}
    </div>
  );
  return (
    <form className="card profile-editor" aria-label={mode === 'create' ? 'New profile' : 'Edit profile'} onSubmit={(event) => void submit(event)}>
      <h2>{mode === 'create' ? 'New profile' : `Edit ${selected?.name ?? ''}`}</h2>
      <div className="field-grid">
        {input('name', 'Name')}
        {mode === 'create' && (
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} name="kind" value={fields.kind} onChange={set('kind')}>
              <option value="sandbox">MTN sandbox</option>
              <option value="production">Production (real money)</option>
            </select>
          </div>
        )}
        {input('baseUrl', 'Base URL', 'https://sandbox.momodeveloper.mtn.com or https://proxy.momoapi.mtn.com')}
        {input('targetEnvironment', 'Target environment', 'sandbox, mtnuganda, mtnghana, …')}
        {input('currency', 'Currency', 'EUR in the sandbox; the local currency in production')}
        {input('callbackHost', 'Callback host', 'optional: the host MoMo may call back')}
        {input('countryCode', 'Default country', 'optional: two letters, for phone numbers without a prefix')}
        {input('maxRowAmount', 'Largest amount per row', 'optional')}
        {input('maxBatchTotal', 'Largest batch total', 'optional')}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {mode === 'create' ? 'Create profile' : 'Save changes'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
