import { startMessageRouter } from './router';
import { ping } from './handlers/system';

export default defineBackground(() => {
  startMessageRouter({ ping });
});
