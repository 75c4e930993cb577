/**
 * The model's own registry: its programmes (./programmes/) and services (./services/). A run uses
 * it unless it is given another (a registry with a programme of the user's, say).
 */
import { PROGRAMMES } from './programmes/index';
import { SERVICES } from './services/index';
import { createRegistry } from './registry';

export const BUILTIN_REGISTRY = createRegistry(PROGRAMMES, SERVICES);
