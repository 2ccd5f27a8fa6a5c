import type { SandboxSimulatorDefinition } from './sandbox-simulator.js';
import { docloudSandbox } from './simulators/docloud.sandbox.js';
import { wechatSandbox } from './simulators/wechat.sandbox.js';
import { wechatpaySandbox } from './simulators/wechatpay.sandbox.js';
import { yundouSandbox } from './simulators/yundou.sandbox.js';
import { zhimaSandbox } from './simulators/zhima.sandbox.js';
import { zjzSandbox } from './simulators/zjz.sandbox.js';

/** Every vendor simulator the sandbox starts. A service adds its vendor here when it lands. */
export const SANDBOX_SIMULATORS: SandboxSimulatorDefinition[] = [
  wechatSandbox,
  zhimaSandbox,
  docloudSandbox,
  zjzSandbox,
  yundouSandbox,
  wechatpaySandbox,
];
