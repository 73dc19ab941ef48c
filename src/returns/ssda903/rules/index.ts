import type { Ssda903Rule } from '../types.ts'
import { rule101 } from './rule-101.ts'
import { rule102 } from './rule-102.ts'
import { rule103 } from './rule-103.ts'
import { rule114 } from './rule-114.ts'
import { rule117 } from './rule-117.ts'
import { rule118 } from './rule-118.ts'
import { rule119 } from './rule-119.ts'
import { rule120 } from './rule-120.ts'
import { rule131 } from './rule-131.ts'
import { rule132 } from './rule-132.ts'
import { rule133 } from './rule-133.ts'
import { rule134 } from './rule-134.ts'
import { rule142 } from './rule-142.ts'
import { rule143 } from './rule-143.ts'
import { rule144 } from './rule-144.ts'
import { rule145 } from './rule-145.ts'
import { rule146 } from './rule-146.ts'
import { rule148 } from './rule-148.ts'
import { rule149 } from './rule-149.ts'
import { rule151 } from './rule-151.ts'
import { rule153 } from './rule-153.ts'
import { rule157 } from './rule-157.ts'
import { rule158 } from './rule-158.ts'
import { rule159 } from './rule-159.ts'
import { rule165 } from './rule-165.ts'
import { rule167 } from './rule-167.ts'
import { rule168 } from './rule-168.ts'
import { rule174 } from './rule-174.ts'
import { rule175 } from './rule-175.ts'
import { rule176 } from './rule-176.ts'
import { rule177 } from './rule-177.ts'
import { rule178 } from './rule-178.ts'
import { rule180 } from './rule-180.ts'
import { rule181 } from './rule-181.ts'
import { rule182 } from './rule-182.ts'
import { rule184 } from './rule-184.ts'
import { rule185 } from './rule-185.ts'
import { rule186 } from './rule-186.ts'
import { rule187 } from './rule-187.ts'
import { rule188 } from './rule-188.ts'
import { rule189 } from './rule-189.ts'
import { rule190 } from './rule-190.ts'
import { rule191 } from './rule-191.ts'
import { rule192 } from './rule-192.ts'
import { rule193 } from './rule-193.ts'
import { rule196 } from './rule-196.ts'
import { rule197a } from './rule-197a.ts'
import { rule197B } from './rule-197b.ts'
import { rule198 } from './rule-198.ts'
import { rule209 } from './rule-209.ts'
import { rule210 } from './rule-210.ts'
import { rule213 } from './rule-213.ts'
import { rule214 } from './rule-214.ts'
import { rule215 } from './rule-215.ts'
import { rule217 } from './rule-217.ts'
import { rule218 } from './rule-218.ts'
import { rule222 } from './rule-222.ts'
import { rule225 } from './rule-225.ts'
import { rule226 } from './rule-226.ts'
import { rule232 } from './rule-232.ts'
import { rule233 } from './rule-233.ts'
import { rule234 } from './rule-234.ts'
import { rule301 } from './rule-301.ts'
import { rule302 } from './rule-302.ts'
import { rule304 } from './rule-304.ts'
import { rule331 } from './rule-331.ts'
import { rule333 } from './rule-333.ts'
import { rule334 } from './rule-334.ts'
import { rule335 } from './rule-335.ts'
import { rule336 } from './rule-336.ts'
import { rule344 } from './rule-344.ts'
import { rule345 } from './rule-345.ts'
import { rule347 } from './rule-347.ts'
import { rule351 } from './rule-351.ts'
import { rule352 } from './rule-352.ts'
import { rule353 } from './rule-353.ts'
import { rule354 } from './rule-354.ts'
import { rule355 } from './rule-355.ts'
import { rule356 } from './rule-356.ts'
import { rule357 } from './rule-357.ts'
import { rule358 } from './rule-358.ts'
import { rule359 } from './rule-359.ts'
import { rule361 } from './rule-361.ts'
import { rule362 } from './rule-362.ts'
import { rule363 } from './rule-363.ts'
import { rule364 } from './rule-364.ts'
import { rule365 } from './rule-365.ts'
import { rule366 } from './rule-366.ts'
import { rule367 } from './rule-367.ts'
import { rule371 } from './rule-371.ts'
import { rule372 } from './rule-372.ts'
import { rule373 } from './rule-373.ts'
import { rule374 } from './rule-374.ts'
import { rule375 } from './rule-375.ts'
import { rule376 } from './rule-376.ts'
import { rule377 } from './rule-377.ts'
import { rule378 } from './rule-378.ts'
import { rule379 } from './rule-379.ts'
import { rule380 } from './rule-380.ts'
import { rule381 } from './rule-381.ts'
import { rule382 } from './rule-382.ts'
import { rule383 } from './rule-383.ts'
import { rule384 } from './rule-384.ts'
import { rule385 } from './rule-385.ts'
import { rule386 } from './rule-386.ts'
import { rule387 } from './rule-387.ts'
import { rule388 } from './rule-388.ts'
import { rule389 } from './rule-389.ts'
import { rule390 } from './rule-390.ts'
import { rule391 } from './rule-391.ts'
import { rule392d } from './rule-392d.ts'
import { rule393 } from './rule-393.ts'
import { rule398 } from './rule-398.ts'
import { rule399 } from './rule-399.ts'
import { rule407 } from './rule-407.ts'
import { rule408 } from './rule-408.ts'
import { rule426 } from './rule-426.ts'
import { rule431 } from './rule-431.ts'
import { rule432 } from './rule-432.ts'
import { rule433 } from './rule-433.ts'
import { rule434 } from './rule-434.ts'
import { rule435 } from './rule-435.ts'
import { rule436 } from './rule-436.ts'
import { rule437 } from './rule-437.ts'
import { rule440 } from './rule-440.ts'
import { rule441 } from './rule-441.ts'
import { rule442 } from './rule-442.ts'
import { rule444 } from './rule-444.ts'
import { rule446 } from './rule-446.ts'
import { rule460 } from './rule-460.ts'
import { rule501 } from './rule-501.ts'
import { rule504 } from './rule-504.ts'
import { rule511 } from './rule-511.ts'
import { rule514 } from './rule-514.ts'
import { rule516 } from './rule-516.ts'
import { rule517 } from './rule-517.ts'
import { rule518 } from './rule-518.ts'
import { rule519 } from './rule-519.ts'
import { rule520 } from './rule-520.ts'
import { rule521 } from './rule-521.ts'
import { rule522 } from './rule-522.ts'
import { rule523 } from './rule-523.ts'
import { rule524 } from './rule-524.ts'
import { rule525 } from './rule-525.ts'
import { rule526 } from './rule-526.ts'
import { rule527 } from './rule-527.ts'
import { rule528 } from './rule-528.ts'
import { rule529 } from './rule-529.ts'
import { rule530 } from './rule-530.ts'
import { rule531 } from './rule-531.ts'
import { rule542 } from './rule-542.ts'
import { rule543 } from './rule-543.ts'
import { rule544 } from './rule-544.ts'
import { rule545 } from './rule-545.ts'
import { rule546 } from './rule-546.ts'
import { rule547 } from './rule-547.ts'
import { rule550 } from './rule-550.ts'
import { rule551 } from './rule-551.ts'
import { rule552 } from './rule-552.ts'
import { rule553 } from './rule-553.ts'
import { rule554 } from './rule-554.ts'
import { rule557 } from './rule-557.ts'
import { rule558 } from './rule-558.ts'
import { rule563 } from './rule-563.ts'
import { rule564 } from './rule-564.ts'
import { rule565 } from './rule-565.ts'
import { rule566 } from './rule-566.ts'
import { rule567 } from './rule-567.ts'
import { rule570 } from './rule-570.ts'
import { rule571 } from './rule-571.ts'
import { rule574 } from './rule-574.ts'
import { rule575 } from './rule-575.ts'
import { rule577 } from './rule-577.ts'
import { rule578 } from './rule-578.ts'
import { rule579 } from './rule-579.ts'
import { rule580 } from './rule-580.ts'
import { rule581 } from './rule-581.ts'
import { rule582 } from './rule-582.ts'
import { rule583 } from './rule-583.ts'
import { rule586 } from './rule-586.ts'
import { rule601 } from './rule-601.ts'
import { rule602 } from './rule-602.ts'
import { rule607 } from './rule-607.ts'
import { rule611 } from './rule-611.ts'
import { rule612 } from './rule-612.ts'
import { rule620 } from './rule-620.ts'
import { rule621 } from './rule-621.ts'
import { rule625 } from './rule-625.ts'
import { rule628 } from './rule-628.ts'
import { rule630 } from './rule-630.ts'
import { rule631 } from './rule-631.ts'
import { rule632 } from './rule-632.ts'
import { rule633 } from './rule-633.ts'
import { rule634 } from './rule-634.ts'
import { rule635 } from './rule-635.ts'
import { rule1000 } from './rule-1000.ts'
import { rule1003 } from './rule-1003.ts'
import { rule1006 } from './rule-1006.ts'
import { rule1007 } from './rule-1007.ts'
import { rule1009 } from './rule-1009.ts'
import { rule1011 } from './rule-1011.ts'
import { rule1012 } from './rule-1012.ts'
import { rule1014 } from './rule-1014.ts'
import { rule1016 } from './rule-1016.ts'
import { rule3001 } from './rule-3001.ts'
import { ruleSW01aSTG1 } from './rule-sw01astg1.ts'
import { ruleSW01bSTG1 } from './rule-sw01bstg1.ts'
import { ruleSW02STG1 } from './rule-sw02stg1.ts'
import { ruleSW06STG2 } from './rule-sw06stg2.ts'
import { ruleSW07STG2 } from './rule-sw07stg2.ts'
import { ruleSW08STG2 } from './rule-sw08stg2.ts'
import { ruleSW09STG2 } from './rule-sw09stg2.ts'
import { ruleSW10STG2 } from './rule-sw10stg2.ts'
import { ruleSW11bSTG2 } from './rule-sw11bstg2.ts'
import { ruleSW13STG1 } from './rule-sw13stg1.ts'
import { ruleSW17STG2 } from './rule-sw17stg2.ts'

// Every implemented SSDA903 rule, listed explicitly (no file globbing) in code order.
export const SSDA903_RULES: readonly Ssda903Rule[] = [
  rule101,
  rule102,
  rule103,
  rule114,
  rule117,
  rule118,
  rule119,
  rule120,
  rule131,
  rule132,
  rule133,
  rule134,
  rule142,
  rule143,
  rule144,
  rule145,
  rule146,
  rule148,
  rule149,
  rule151,
  rule153,
  rule157,
  rule158,
  rule159,
  rule165,
  rule167,
  rule168,
  rule174,
  rule175,
  rule176,
  rule177,
  rule178,
  rule180,
  rule181,
  rule182,
  rule184,
  rule185,
  rule186,
  rule187,
  rule188,
  rule189,
  rule190,
  rule191,
  rule192,
  rule193,
  rule196,
  rule197a,
  rule197B,
  rule198,
  rule209,
  rule210,
  rule213,
  rule214,
  rule215,
  rule217,
  rule218,
  rule222,
  rule225,
  rule226,
  rule232,
  rule233,
  rule234,
  rule301,
  rule302,
  rule304,
  rule331,
  rule333,
  rule334,
  rule335,
  rule336,
  rule344,
  rule345,
  rule347,
  rule351,
  rule352,
  rule353,
  rule354,
  rule355,
  rule356,
  rule357,
  rule358,
  rule359,
  rule361,
  rule362,
  rule363,
  rule364,
  rule365,
  rule366,
  rule367,
  rule371,
  rule372,
  rule373,
  rule374,
  rule375,
  rule376,
  rule377,
  rule378,
  rule379,
  rule380,
  rule381,
  rule382,
  rule383,
  rule384,
  rule385,
  rule386,
  rule387,
  rule388,
  rule389,
  rule390,
  rule391,
  rule392d,
  rule393,
  rule398,
  rule399,
  rule407,
  rule408,
  rule426,
  rule431,
  rule432,
  rule433,
  rule434,
  rule435,
  rule436,
  rule437,
  rule440,
  rule441,
  rule442,
  rule444,
  rule446,
  rule460,
  rule501,
  rule504,
  rule511,
  rule514,
  rule516,
  rule517,
  rule518,
  rule519,
  rule520,
  rule521,
  rule522,
  rule523,
  rule524,
  rule525,
  rule526,
  rule527,
  rule528,
  rule529,
  rule530,
  rule531,
  rule542,
  rule543,
  rule544,
  rule545,
  rule546,
  rule547,
  rule550,
  rule551,
  rule552,
  rule553,
  rule554,
  rule557,
  rule558,
  rule563,
  rule564,
  rule565,
  rule566,
  rule567,
  rule570,
  rule571,
  rule574,
  rule575,
  rule577,
  rule578,
  rule579,
  rule580,
  rule581,
  rule582,
  rule583,
  rule586,
  rule601,
  rule602,
  rule607,
  rule611,
  rule612,
  rule620,
  rule621,
  rule625,
  rule628,
  rule630,
  rule631,
  rule632,
  rule633,
  rule634,
  rule635,
  rule1000,
  rule1003,
  rule1006,
  rule1007,
  rule1009,
  rule1011,
  rule1012,
  rule1014,
  rule1016,
  rule3001,
  ruleSW01aSTG1,
  ruleSW01bSTG1,
  ruleSW02STG1,
  ruleSW06STG2,
  ruleSW07STG2,
  ruleSW08STG2,
  ruleSW09STG2,
  ruleSW10STG2,
  ruleSW11bSTG2,
  ruleSW13STG1,
  ruleSW17STG2,
]
