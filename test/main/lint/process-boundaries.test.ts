// The lint rules that keep each file in its process are part of the design;
// this proves they fire, so a config edit cannot switch them off unnoticed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RULE = '@typescript-eslint/no-restricted-imports';

describe('process boundaries', () => {
  it('allows ipcRenderer in the preload only', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n";
    expect(await ruleIds('preload/example.ts', code)).not.toContain(RULE);
    expect(await ruleIds('main/index.ts', code)).toContain(RULE);
    expect(await ruleIds('main/ipc/example.ts', code)).toContain(RULE);
    expect(await ruleIds('test/main/example.test.ts', code)).toContain(RULE);
  });

  it('never lets the renderer import electron, main or node modules', async () => {
    expect(await ruleIds('renderer/src/example.ts', "import { shell } from 'electron';\nexport const s = shell;\n")).toContain(RULE);
    expect(await ruleIds('renderer/src/example.ts', "import { createRouter } from '../../main/ipc/router';\nexport const r = createRouter;\n")).toContain(RULE);
    expect(await ruleIds('renderer/src/example.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toContain(RULE);
    expect(await ruleIds('renderer/src/example.ts', "import type { MomoApi } from '../../preload/contract';\nexport type A = MomoApi;\n")).not.toContain(RULE);
  });

  it('never lets main import the renderer', async () => {
    expect(await ruleIds('main/ipc/example.ts', "import { AppFrame } from '../../renderer/src/app-frame';\nexport const a = AppFrame;\n")).toContain(RULE);
  });

  it('keeps Electron at run time out of main except its two glue files', async () => {
    const runtime = "import { shell } from 'electron';\nexport const s = shell;\n";
    expect(await ruleIds('main/ipc/example.ts', runtime)).toContain(RULE);
    expect(await ruleIds('main/window.ts', runtime)).not.toContain(RULE);
    expect(await ruleIds('main/ipc/example.ts', "import type { WebContents } from 'electron';\nexport type W = WebContents;\n")).not.toContain(RULE);
  });
});
