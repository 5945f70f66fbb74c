import { browser } from 'wxt/browser';
import type { Handler } from '../router';

export const ping: Handler<'ping'> = () => ({ pong: true, version: browser.runtime.getManifest().version });
