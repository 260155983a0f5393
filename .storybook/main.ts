import type { StorybookConfig } from '@storybook/web-components-vite';

/** Storybook for agent-desk: every element, message kind and state; runs offline (`npm run storybook:build`). */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-themes'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The desk's own stylesheet-free shell: a story's background follows the theme toolbar (preview-head.html).
  staticDirs: [],
};

export default config;
