import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The extension-host suite runs inside VS Code (npm run test:electron), not under vitest.
    exclude: ['tests/electron/**', '**/node_modules/**'],
    testTimeout: 20_000,
    setupFiles: ['tests/setup/fastCheck.ts'],
  },
});
