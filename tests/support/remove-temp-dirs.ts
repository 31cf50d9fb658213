// Vitest setup file: after each test file, remove the temporary folders it made with tempDir (a full run
// makes about 1.5 GB of stores, exports and browser profiles).
import { afterAll } from 'vitest';
import { removeTempDirs } from './serve';

afterAll(removeTempDirs);
