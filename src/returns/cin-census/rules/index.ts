import type { CinRule } from '../types.ts'
import { rule100 } from './rule-100.ts'
import { rule1103 } from './rule-1103.ts'
import { rule1104 } from './rule-1104.ts'
import { rule1105 } from './rule-1105.ts'
import { rule1510 } from './rule-1510.ts'
import { rule1520 } from './rule-1520.ts'
import { rule1530 } from './rule-1530.ts'
import { rule1540 } from './rule-1540.ts'
import { rule1550 } from './rule-1550.ts'
import { rule1560Q } from './rule-1560q.ts'
import { rule1570 } from './rule-1570.ts'
import { rule1580 } from './rule-1580.ts'
import { rule2883 } from './rule-2883.ts'
import { rule2884 } from './rule-2884.ts'
import { rule2885 } from './rule-2885.ts'
import { rule2886Q } from './rule-2886q.ts'
import { rule2887Q } from './rule-2887q.ts'
import { rule2888Q } from './rule-2888q.ts'
import { rule2889 } from './rule-2889.ts'
import { rule2990 } from './rule-2990.ts'
import { rule2991Q } from './rule-2991q.ts'
import { rule4000 } from './rule-4000.ts'
import { rule4001 } from './rule-4001.ts'
import { rule4003 } from './rule-4003.ts'
import { rule4004 } from './rule-4004.ts'
import { rule4008 } from './rule-4008.ts'
import { rule4009Q } from './rule-4009q.ts'
import { rule4010 } from './rule-4010.ts'
import { rule4011 } from './rule-4011.ts'
import { rule4012Q } from './rule-4012q.ts'
import { rule4013 } from './rule-4013.ts'
import { rule4014 } from './rule-4014.ts'
import { rule4015 } from './rule-4015.ts'
import { rule4016 } from './rule-4016.ts'
import { rule4017 } from './rule-4017.ts'
import { rule4180 } from './rule-4180.ts'
import { rule4220 } from './rule-4220.ts'
import { rule8500 } from './rule-8500.ts'
import { rule8510 } from './rule-8510.ts'
import { rule8520 } from './rule-8520.ts'
import { rule8525Q } from './rule-8525q.ts'
import { rule8530Q } from './rule-8530q.ts'
import { rule8535Q } from './rule-8535q.ts'
import { rule8540 } from './rule-8540.ts'
import { rule8545Q } from './rule-8545q.ts'
import { rule8555Q } from './rule-8555q.ts'
import { rule8565 } from './rule-8565.ts'
import { rule8568 } from './rule-8568.ts'
import { rule8569Q } from './rule-8569q.ts'
import { rule8585Q } from './rule-8585q.ts'
import { rule8590 } from './rule-8590.ts'
import { rule8600 } from './rule-8600.ts'
import { rule8606 } from './rule-8606.ts'
import { rule8608 } from './rule-8608.ts'
import { rule8610 } from './rule-8610.ts'
import { rule8614 } from './rule-8614.ts'
import { rule8615 } from './rule-8615.ts'
import { rule8620 } from './rule-8620.ts'
import { rule8630 } from './rule-8630.ts'
import { rule8640 } from './rule-8640.ts'
import { rule8650 } from './rule-8650.ts'
import { rule8670Q } from './rule-8670q.ts'
import { rule8675Q } from './rule-8675q.ts'
import { rule8696 } from './rule-8696.ts'
import { rule8715 } from './rule-8715.ts'
import { rule8720 } from './rule-8720.ts'
import { rule8730 } from './rule-8730.ts'
import { rule8736 } from './rule-8736.ts'
import { rule8740 } from './rule-8740.ts'
import { rule8750 } from './rule-8750.ts'
import { rule8770Q } from './rule-8770q.ts'
import { rule8772 } from './rule-8772.ts'
import { rule8775Q } from './rule-8775q.ts'
import { rule8790 } from './rule-8790.ts'
import { rule8794 } from './rule-8794.ts'
import { rule8805 } from './rule-8805.ts'
import { rule8810 } from './rule-8810.ts'
import { rule8815 } from './rule-8815.ts'
import { rule8816 } from './rule-8816.ts'
import { rule8820 } from './rule-8820.ts'
import { rule8825Q } from './rule-8825q.ts'
import { rule8831 } from './rule-8831.ts'
import { rule8832 } from './rule-8832.ts'
import { rule8839 } from './rule-8839.ts'
import { rule8840 } from './rule-8840.ts'
import { rule8841 } from './rule-8841.ts'
import { rule8842Q } from './rule-8842q.ts'
import { rule8863Q } from './rule-8863q.ts'
import { rule8866 } from './rule-8866.ts'
import { rule8867 } from './rule-8867.ts'
import { rule8868 } from './rule-8868.ts'
import { rule8869 } from './rule-8869.ts'
import { rule8870Q } from './rule-8870q.ts'
import { rule8873Q } from './rule-8873q.ts'
import { rule8875 } from './rule-8875.ts'
import { rule8890 } from './rule-8890.ts'
import { rule8896 } from './rule-8896.ts'
import { rule8897Q } from './rule-8897q.ts'
import { rule8898 } from './rule-8898.ts'
import { rule8905 } from './rule-8905.ts'
import { rule8910 } from './rule-8910.ts'
import { rule8915 } from './rule-8915.ts'
import { rule8920 } from './rule-8920.ts'
import { rule8925 } from './rule-8925.ts'
import { rule8930 } from './rule-8930.ts'
import { rule8935 } from './rule-8935.ts'
import { rule8940 } from './rule-8940.ts'
import { rule8945Q } from './rule-8945q.ts'
import { rule8950Q } from './rule-8950q.ts'

// Every DfE CIN census validation rule, listed explicitly (no file globbing) in code order.
export const CIN_RULES: readonly CinRule[] = [
  rule100,
  rule1103,
  rule1104,
  rule1105,
  rule1510,
  rule1520,
  rule1530,
  rule1540,
  rule1550,
  rule1560Q,
  rule1570,
  rule1580,
  rule2883,
  rule2884,
  rule2885,
  rule2886Q,
  rule2887Q,
  rule2888Q,
  rule2889,
  rule2990,
  rule2991Q,
  rule4000,
  rule4001,
  rule4003,
  rule4004,
  rule4008,
  rule4009Q,
  rule4010,
  rule4011,
  rule4012Q,
  rule4013,
  rule4014,
  rule4015,
  rule4016,
  rule4017,
  rule4180,
  rule4220,
  rule8500,
  rule8510,
  rule8520,
  rule8525Q,
  rule8530Q,
  rule8535Q,
  rule8540,
  rule8545Q,
  rule8555Q,
  rule8565,
  rule8568,
  rule8569Q,
  rule8585Q,
  rule8590,
  rule8600,
  rule8606,
  rule8608,
  rule8610,
  rule8614,
  rule8615,
  rule8620,
  rule8630,
  rule8640,
  rule8650,
  rule8670Q,
  rule8675Q,
  rule8696,
  rule8715,
  rule8720,
  rule8730,
  rule8736,
  rule8740,
  rule8750,
  rule8770Q,
  rule8772,
  rule8775Q,
  rule8790,
  rule8794,
  rule8805,
  rule8810,
  rule8815,
  rule8816,
  rule8820,
  rule8825Q,
  rule8831,
  rule8832,
  rule8839,
  rule8840,
  rule8841,
  rule8842Q,
  rule8863Q,
  rule8866,
  rule8867,
  rule8868,
  rule8869,
  rule8870Q,
  rule8873Q,
  rule8875,
  rule8890,
  rule8896,
  rule8897Q,
  rule8898,
  rule8905,
  rule8910,
  rule8915,
  rule8920,
  rule8925,
  rule8930,
  rule8935,
  rule8940,
  rule8945Q,
  rule8950Q,
]
