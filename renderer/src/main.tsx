import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MomoApi } from './api/momo-client';
import { AppFrame } from './app-frame';
import { createAppStores, StoresProvider } from './stores/app-stores';
import './styles.css';

declare global {
  interface Window {
    momo: MomoApi;
  }
}

const stores = createAppStores(window.momo);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <AppFrame />
    </StoresProvider>
  </StrictMode>,
);
