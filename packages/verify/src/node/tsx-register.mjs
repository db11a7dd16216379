// Source mode only (tests, `node --import tsx` in the repository): lets a batch worker load the
// TypeScript sources. tsx's `--import tsx` registers its hooks on the main thread only on Node 20.
import { register } from 'tsx/esm/api';

register();
