import { startFirstScreen } from './firstScreen';
import './styles.css';

// The first screen's reads leave first (one request, before the code takes the browser's six
// connections to the host), then the app's own code (React, the shell, every feature's
// declaration), then the screen's: data and code travel together, instead of the reads waiting
// for the app to boot.
startFirstScreen(() => import('./boot'));
