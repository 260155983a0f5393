/**
 * `sendKeys` and `setViewport` with the payloads of @web/test-runner-commands, working the same in
 * Chromium, Firefox and WebKit (scripts/wtr/commands-plugin.mjs): keys are named as in Playwright,
 * combos included ("Alt+ArrowDown", "Shift+F6", "Space").
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  await executeServerCommand('agent-desk-keys', payload);
}

export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  await executeServerCommand('agent-desk-viewport', viewport);
}
