import { callApi } from '../api/momo-client';
import { AreaPage } from '../components/area-page';
import { useSession, useStores } from '../stores/app-stores';
import { CallbackReceiverCard } from './settings/callback-receiver-card';

const DEVELOPER_PORTAL = 'https://momodeveloper.mtn.com/';

export function SettingsArea() {
  const { api, errors } = useStores();
  const appInfo = useSession((state) => state.appInfo);
  const openPortal = () => {
    callApi(api, 'openExternal', { url: DEVELOPER_PORTAL }).catch((error: unknown) => errors.getState().report(error));
  };
  return (
    <AreaPage title="Settings" summary="About this console, where it keeps its data, and how it hears from MoMo.">
      <article className="card" aria-label="About MoMo Console">
        <h2>About</h2>
        {appInfo ? (
          <dl className="facts">
            <dt>Version</dt>
            <dd>
              {appInfo.name} {appInfo.version}
            </dd>
            <dt>Running in</dt>
            <dd>{appInfo.frontDoor === 'electron' ? `Electron ${appInfo.runtime.electron ?? ''}` : 'Web preview (test bridge)'}</dd>
            <dt>Node</dt>
            <dd>{appInfo.runtime.node}</dd>
            <dt>Platform</dt>
            <dd>{appInfo.platform}</dd>
            <dt>Data directory</dt>
            <dd>
              <code>{appInfo.dataDir}</code>
            </dd>
          </dl>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </article>
      <CallbackReceiverCard />
      <article className="card">
        <h2>MTN MoMo developer portal</h2>
        <p>Sign up for API products and find your subscription keys. Opens in your browser.</p>
        <button type="button" className="button" onClick={openPortal}>
          Open the developer portal
        </button>
      </article>
    </AreaPage>
  );
}
