import { startFirstScreen } from './firstScreen';
import './styles.css';

// The app's own code (React, the shell, every feature's declaration) is asked for first, and the
// first screen's code and reads leave at once beside it, instead of once the app has booted.
const booting = import('./boot');
startFirstScreen();
void booting;
