# More than 256 local variables and 300 global names: EXTENDED_ARG on LOAD_FAST, STORE_FAST, LOAD_GLOBAL.
def many_locals(seed):
    v0 = seed + 0; v1 = seed + 1; v2 = seed + 2; v3 = seed + 3; v4 = seed + 4; v5 = seed + 5; v6 = seed + 6; v7 = seed + 7; v8 = seed + 8; v9 = seed + 9
    v10 = seed + 10; v11 = seed + 11; v12 = seed + 12; v13 = seed + 13; v14 = seed + 14; v15 = seed + 15; v16 = seed + 16; v17 = seed + 17; v18 = seed + 18; v19 = seed + 19
    v20 = seed + 20; v21 = seed + 21; v22 = seed + 22; v23 = seed + 23; v24 = seed + 24; v25 = seed + 25; v26 = seed + 26; v27 = seed + 27; v28 = seed + 28; v29 = seed + 29
    v30 = seed + 30; v31 = seed + 31; v32 = seed + 32; v33 = seed + 33; v34 = seed + 34; v35 = seed + 35; v36 = seed + 36; v37 = seed + 37; v38 = seed + 38; v39 = seed + 39
    v40 = seed + 40; v41 = seed + 41; v42 = seed + 42; v43 = seed + 43; v44 = seed + 44; v45 = seed + 45; v46 = seed + 46; v47 = seed + 47; v48 = seed + 48; v49 = seed + 49
    v50 = seed + 50; v51 = seed + 51; v52 = seed + 52; v53 = seed + 53; v54 = seed + 54; v55 = seed + 55; v56 = seed + 56; v57 = seed + 57; v58 = seed + 58; v59 = seed + 59
    v60 = seed + 60; v61 = seed + 61; v62 = seed + 62; v63 = seed + 63; v64 = seed + 64; v65 = seed + 65; v66 = seed + 66; v67 = seed + 67; v68 = seed + 68; v69 = seed + 69
    v70 = seed + 70; v71 = seed + 71; v72 = seed + 72; v73 = seed + 73; v74 = seed + 74; v75 = seed + 75; v76 = seed + 76; v77 = seed + 77; v78 = seed + 78; v79 = seed + 79
    v80 = seed + 80; v81 = seed + 81; v82 = seed + 82; v83 = seed + 83; v84 = seed + 84; v85 = seed + 85; v86 = seed + 86; v87 = seed + 87; v88 = seed + 88; v89 = seed + 89
    v90 = seed + 90; v91 = seed + 91; v92 = seed + 92; v93 = seed + 93; v94 = seed + 94; v95 = seed + 95; v96 = seed + 96; v97 = seed + 97; v98 = seed + 98; v99 = seed + 99
    v100 = seed + 100; v101 = seed + 101; v102 = seed + 102; v103 = seed + 103; v104 = seed + 104; v105 = seed + 105; v106 = seed + 106; v107 = seed + 107; v108 = seed + 108; v109 = seed + 109
    v110 = seed + 110; v111 = seed + 111; v112 = seed + 112; v113 = seed + 113; v114 = seed + 114; v115 = seed + 115; v116 = seed + 116; v117 = seed + 117; v118 = seed + 118; v119 = seed + 119
    v120 = seed + 120; v121 = seed + 121; v122 = seed + 122; v123 = seed + 123; v124 = seed + 124; v125 = seed + 125; v126 = seed + 126; v127 = seed + 127; v128 = seed + 128; v129 = seed + 129
    v130 = seed + 130; v131 = seed + 131; v132 = seed + 132; v133 = seed + 133; v134 = seed + 134; v135 = seed + 135; v136 = seed + 136; v137 = seed + 137; v138 = seed + 138; v139 = seed + 139
    v140 = seed + 140; v141 = seed + 141; v142 = seed + 142; v143 = seed + 143; v144 = seed + 144; v145 = seed + 145; v146 = seed + 146; v147 = seed + 147; v148 = seed + 148; v149 = seed + 149
    v150 = seed + 150; v151 = seed + 151; v152 = seed + 152; v153 = seed + 153; v154 = seed + 154; v155 = seed + 155; v156 = seed + 156; v157 = seed + 157; v158 = seed + 158; v159 = seed + 159
    v160 = seed + 160; v161 = seed + 161; v162 = seed + 162; v163 = seed + 163; v164 = seed + 164; v165 = seed + 165; v166 = seed + 166; v167 = seed + 167; v168 = seed + 168; v169 = seed + 169
    v170 = seed + 170; v171 = seed + 171; v172 = seed + 172; v173 = seed + 173; v174 = seed + 174; v175 = seed + 175; v176 = seed + 176; v177 = seed + 177; v178 = seed + 178; v179 = seed + 179
    v180 = seed + 180; v181 = seed + 181; v182 = seed + 182; v183 = seed + 183; v184 = seed + 184; v185 = seed + 185; v186 = seed + 186; v187 = seed + 187; v188 = seed + 188; v189 = seed + 189
    v190 = seed + 190; v191 = seed + 191; v192 = seed + 192; v193 = seed + 193; v194 = seed + 194; v195 = seed + 195; v196 = seed + 196; v197 = seed + 197; v198 = seed + 198; v199 = seed + 199
    v200 = seed + 200; v201 = seed + 201; v202 = seed + 202; v203 = seed + 203; v204 = seed + 204; v205 = seed + 205; v206 = seed + 206; v207 = seed + 207; v208 = seed + 208; v209 = seed + 209
    v210 = seed + 210; v211 = seed + 211; v212 = seed + 212; v213 = seed + 213; v214 = seed + 214; v215 = seed + 215; v216 = seed + 216; v217 = seed + 217; v218 = seed + 218; v219 = seed + 219
    v220 = seed + 220; v221 = seed + 221; v222 = seed + 222; v223 = seed + 223; v224 = seed + 224; v225 = seed + 225; v226 = seed + 226; v227 = seed + 227; v228 = seed + 228; v229 = seed + 229
    v230 = seed + 230; v231 = seed + 231; v232 = seed + 232; v233 = seed + 233; v234 = seed + 234; v235 = seed + 235; v236 = seed + 236; v237 = seed + 237; v238 = seed + 238; v239 = seed + 239
    v240 = seed + 240; v241 = seed + 241; v242 = seed + 242; v243 = seed + 243; v244 = seed + 244; v245 = seed + 245; v246 = seed + 246; v247 = seed + 247; v248 = seed + 248; v249 = seed + 249
    v250 = seed + 250; v251 = seed + 251; v252 = seed + 252; v253 = seed + 253; v254 = seed + 254; v255 = seed + 255; v256 = seed + 256; v257 = seed + 257; v258 = seed + 258; v259 = seed + 259
    v260 = seed + 260; v261 = seed + 261; v262 = seed + 262; v263 = seed + 263; v264 = seed + 264; v265 = seed + 265; v266 = seed + 266; v267 = seed + 267; v268 = seed + 268; v269 = seed + 269
    v270 = seed + 270; v271 = seed + 271; v272 = seed + 272; v273 = seed + 273; v274 = seed + 274; v275 = seed + 275; v276 = seed + 276; v277 = seed + 277; v278 = seed + 278; v279 = seed + 279
    v280 = seed + 280; v281 = seed + 281; v282 = seed + 282; v283 = seed + 283; v284 = seed + 284; v285 = seed + 285; v286 = seed + 286; v287 = seed + 287; v288 = seed + 288; v289 = seed + 289
    v290 = seed + 290; v291 = seed + 291; v292 = seed + 292; v293 = seed + 293; v294 = seed + 294; v295 = seed + 295; v296 = seed + 296; v297 = seed + 297; v298 = seed + 298; v299 = seed + 299
    total = v0 + v7 + v14 + v21 + v28 + v35 + v42 + v49 + v56 + v63 + v70 + v77 + v84 + v91 + v98 + v105 + v112 + v119 + v126 + v133 + v140 + v147 + v154 + v161 + v168 + v175 + v182 + v189 + v196 + v203 + v210 + v217 + v224 + v231 + v238 + v245 + v252 + v259 + v266 + v273 + v280 + v287 + v294
    return total, v299 - v0, v256, v257
print(many_locals(1), many_locals.__code__.co_nlocals)
g0 = 0; g1 = 3; g2 = 6; g3 = 9; g4 = 12; g5 = 15; g6 = 18; g7 = 21; g8 = 24; g9 = 27
g10 = 30; g11 = 33; g12 = 36; g13 = 39; g14 = 42; g15 = 45; g16 = 48; g17 = 51; g18 = 54; g19 = 57
g20 = 60; g21 = 63; g22 = 66; g23 = 69; g24 = 72; g25 = 75; g26 = 78; g27 = 81; g28 = 84; g29 = 87
g30 = 90; g31 = 93; g32 = 96; g33 = 99; g34 = 102; g35 = 105; g36 = 108; g37 = 111; g38 = 114; g39 = 117
g40 = 120; g41 = 123; g42 = 126; g43 = 129; g44 = 132; g45 = 135; g46 = 138; g47 = 141; g48 = 144; g49 = 147
g50 = 150; g51 = 153; g52 = 156; g53 = 159; g54 = 162; g55 = 165; g56 = 168; g57 = 171; g58 = 174; g59 = 177
g60 = 180; g61 = 183; g62 = 186; g63 = 189; g64 = 192; g65 = 195; g66 = 198; g67 = 201; g68 = 204; g69 = 207
g70 = 210; g71 = 213; g72 = 216; g73 = 219; g74 = 222; g75 = 225; g76 = 228; g77 = 231; g78 = 234; g79 = 237
g80 = 240; g81 = 243; g82 = 246; g83 = 249; g84 = 252; g85 = 255; g86 = 258; g87 = 261; g88 = 264; g89 = 267
g90 = 270; g91 = 273; g92 = 276; g93 = 279; g94 = 282; g95 = 285; g96 = 288; g97 = 291; g98 = 294; g99 = 297
g100 = 300; g101 = 303; g102 = 306; g103 = 309; g104 = 312; g105 = 315; g106 = 318; g107 = 321; g108 = 324; g109 = 327
g110 = 330; g111 = 333; g112 = 336; g113 = 339; g114 = 342; g115 = 345; g116 = 348; g117 = 351; g118 = 354; g119 = 357
g120 = 360; g121 = 363; g122 = 366; g123 = 369; g124 = 372; g125 = 375; g126 = 378; g127 = 381; g128 = 384; g129 = 387
g130 = 390; g131 = 393; g132 = 396; g133 = 399; g134 = 402; g135 = 405; g136 = 408; g137 = 411; g138 = 414; g139 = 417
g140 = 420; g141 = 423; g142 = 426; g143 = 429; g144 = 432; g145 = 435; g146 = 438; g147 = 441; g148 = 444; g149 = 447
g150 = 450; g151 = 453; g152 = 456; g153 = 459; g154 = 462; g155 = 465; g156 = 468; g157 = 471; g158 = 474; g159 = 477
g160 = 480; g161 = 483; g162 = 486; g163 = 489; g164 = 492; g165 = 495; g166 = 498; g167 = 501; g168 = 504; g169 = 507
g170 = 510; g171 = 513; g172 = 516; g173 = 519; g174 = 522; g175 = 525; g176 = 528; g177 = 531; g178 = 534; g179 = 537
g180 = 540; g181 = 543; g182 = 546; g183 = 549; g184 = 552; g185 = 555; g186 = 558; g187 = 561; g188 = 564; g189 = 567
g190 = 570; g191 = 573; g192 = 576; g193 = 579; g194 = 582; g195 = 585; g196 = 588; g197 = 591; g198 = 594; g199 = 597
g200 = 600; g201 = 603; g202 = 606; g203 = 609; g204 = 612; g205 = 615; g206 = 618; g207 = 621; g208 = 624; g209 = 627
g210 = 630; g211 = 633; g212 = 636; g213 = 639; g214 = 642; g215 = 645; g216 = 648; g217 = 651; g218 = 654; g219 = 657
g220 = 660; g221 = 663; g222 = 666; g223 = 669; g224 = 672; g225 = 675; g226 = 678; g227 = 681; g228 = 684; g229 = 687
g230 = 690; g231 = 693; g232 = 696; g233 = 699; g234 = 702; g235 = 705; g236 = 708; g237 = 711; g238 = 714; g239 = 717
g240 = 720; g241 = 723; g242 = 726; g243 = 729; g244 = 732; g245 = 735; g246 = 738; g247 = 741; g248 = 744; g249 = 747
g250 = 750; g251 = 753; g252 = 756; g253 = 759; g254 = 762; g255 = 765; g256 = 768; g257 = 771; g258 = 774; g259 = 777
g260 = 780; g261 = 783; g262 = 786; g263 = 789; g264 = 792; g265 = 795; g266 = 798; g267 = 801; g268 = 804; g269 = 807
g270 = 810; g271 = 813; g272 = 816; g273 = 819; g274 = 822; g275 = 825; g276 = 828; g277 = 831; g278 = 834; g279 = 837
g280 = 840; g281 = 843; g282 = 846; g283 = 849; g284 = 852; g285 = 855; g286 = 858; g287 = 861; g288 = 864; g289 = 867
g290 = 870; g291 = 873; g292 = 876; g293 = 879; g294 = 882; g295 = 885; g296 = 888; g297 = 891; g298 = 894; g299 = 897
def read_globals():
    return g0 + g255 + g256 + g299, [g280, g290]
print(read_globals())
def deep_names(obj):
    return obj.a0 + obj.a40 + obj.a80 + obj.a120 + obj.a160 + obj.a200 + obj.a240 + obj.a279
class Obj: pass
o = Obj()
for i in range(280): setattr(o, 'a%d' % i, i)
print(deep_names(o))
