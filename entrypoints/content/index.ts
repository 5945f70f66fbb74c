export default defineContentScript({
  matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'],
  main() {
    document.documentElement.dataset.adoCompanion = 'loaded';
  },
});
