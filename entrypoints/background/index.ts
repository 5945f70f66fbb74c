import { startMessageRouter } from './router';

export default defineBackground(() => {
  startMessageRouter();
});
