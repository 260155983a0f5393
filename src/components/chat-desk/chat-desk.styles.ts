import { css } from 'lit';

export const chatDeskStyles = css`
  :host {
    display: block;
    block-size: 100%;
    min-block-size: 0;
    container-type: inline-size;
    background: var(--_color-surface-alt);
  }
  :host([theme='light']) {
    --desk-color-scheme: light;
  }
  :host([theme='dark']) {
    --desk-color-scheme: dark;
  }
  .desk {
    display: grid;
    grid-template-columns: minmax(240px, 300px) minmax(0, 1fr) minmax(260px, 320px);
    block-size: 100%;
    min-block-size: 0;
  }
  .column {
    min-block-size: 0;
    overflow: auto;
    background: var(--_color-surface);
  }
  .sidebar {
    border-inline-end: 1px solid var(--_color-border);
  }
  .info {
    border-inline-start: 1px solid var(--_color-border);
  }
  .center {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    min-block-size: 0;
  }
  .toolbar {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-3);
    border-block-end: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .panes {
    flex: 1;
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-2);
    min-block-size: 0;
  }
  .panes[data-layout='2'] {
    grid-template-columns: 1fr 1fr;
  }
  .panes[data-layout='4'] {
    grid-template-columns: 1fr 1fr;
    grid-template-rows: 1fr 1fr;
  }
  .pane {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
    min-inline-size: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    overflow: hidden;
  }
  .pane[data-focused] {
    border-color: var(--_color-accent);
    box-shadow: 0 0 0 1px var(--_color-accent);
  }
  .pane chat-box {
    flex: 1;
    min-block-size: 0;
  }
`;
