import type { SandboxSimulatorDefinition } from './sandbox-simulator.js';
import { wechatSandbox } from './simulators/wechat.sandbox.js';

/** Every vendor simulator the sandbox starts. A service adds its vendor here when it lands. */
export const SANDBOX_SIMULATORS: SandboxSimulatorDefinition[] = [wechatSandbox];
