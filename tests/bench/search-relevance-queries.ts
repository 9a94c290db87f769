// The relevance benchmark's queries (tests/bench/search-relevance.ts), written as teachers type
// them, each with a hand-written judgement of what a relevant course is. Judgements are
// predicates on the course tables (title, organizer name, tags), never the search code's output.
//
// A query lists its concepts; a course must satisfy every concept. A concept is written
//   "form|form|…"            any of these forms (the abbreviation and its long forms), or
//   "form|…~related|…"       forms, and after "~" related words that make a course only partly relevant.
// Grades (see search-relevance.ts for the text normalisation: 台 = 臺, full-width = half-width,
// Latin case ignored):
//   2  every concept has a form in the target field (the title; the organizer name for
//      organizer queries);
//   1  otherwise, every concept has a form or a related word somewhere in title, organizer
//      name or tags;
//   0  otherwise.
// Typos are judged by what the teacher meant (the concepts of the correct spelling).

export type QueryKind =
  | "unspaced" // several words typed together: 性平研習, 國小數學工作坊
  | "abbreviation" // 環教, 資教, 國教署, 108課綱 …
  | "mixed" // Latin and Chinese together: AI數學, STEAM教學, IEP
  | "organizer" // an organizer's name, whole or shortened
  | "typo" // one character wrong (a homophone from 注音 input, a look-alike, simplified)
  | "spaced" // words separated by spaces
  | "single"; // one word

export type RelevanceQuery = {
  q: string;
  kind: QueryKind;
  concepts: string[];
  target?: "title" | "organizer";
};

const ELEMENTARY = "國小|國民小學";
const JUNIOR = "國中|國民中學";
const SENIOR = "高中|高級中學|高級中等";
const VOCATIONAL = "高職|技術型高";
const SPECIAL = "特教|特殊教育";
const GENDER = "性平|性別平等";
const TWELVE_YEAR = "108課綱|十二年國教|十二年國民基本教育|新課綱~素養導向|校訂課程|探究與實作|自主學習|學習歷程檔案|跨領域課程";

const q = (text: string, kind: QueryKind, ...concepts: string[]): RelevanceQuery => ({ q: text, kind, concepts });
const org = (text: string, ...concepts: string[]): RelevanceQuery => ({ q: text, kind: "organizer", concepts, target: "organizer" });

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // Unspaced: several words typed as one.
  q("性平研習", "unspaced", GENDER, "研習"),
  q("國小數學工作坊", "unspaced", ELEMENTARY, "數學", "工作坊"),
  q("國中數學", "unspaced", JUNIOR, "數學"),
  q("國小英語", "unspaced", ELEMENTARY, "英語"),
  q("高中物理", "unspaced", SENIOR, "物理"),
  q("高中化學研習", "unspaced", SENIOR, "化學", "研習"),
  q("國中自然科學工作坊", "unspaced", JUNIOR, "自然科學", "工作坊"),
  q("國小閱讀理解", "unspaced", ELEMENTARY, "閱讀理解"),
  q("特教知能研習", "unspaced", SPECIAL, "知能", "研習"),
  q("國中藝術研習", "unspaced", JUNIOR, "藝術", "研習"),
  q("高職機械群", "unspaced", VOCATIONAL, "機械群"),
  q("國小社會公開授課", "unspaced", ELEMENTARY, "社會", "公開授課"),
  q("國中健康與體育", "unspaced", JUNIOR, "健康與體育|健體"),
  q("高中生物探究與實作", "unspaced", SENIOR, "生物", "探究與實作"),
  q("國小綜合活動校訂課程", "unspaced", ELEMENTARY, "綜合活動", "校訂課程"),
  q("素養導向教學研習", "unspaced", "素養導向", "研習"),
  q("差異化教學工作坊", "unspaced", "差異化教學", "工作坊"),
  q("國中數學差異化教學", "unspaced", JUNIOR, "數學", "差異化教學"),
  q("國小生成式AI", "unspaced", ELEMENTARY, "生成式AI"),
  q("雙語教學研習", "unspaced", "雙語教學", "研習"),
  q("國小雙語教學", "unspaced", ELEMENTARY, "雙語教學"),
  q("高中英文雙語教學", "unspaced", SENIOR, "英文", "雙語教學"),
  q("校本研習班級經營", "unspaced", "校本研習", "班級經營"),
  q("國小學習扶助", "unspaced", ELEMENTARY, "學習扶助"),
  q("國中自主學習", "unspaced", JUNIOR, "自主學習"),
  q("學習歷程檔案研習", "unspaced", "學習歷程檔案", "研習"),
  q("高中公民與社會", "unspaced", SENIOR, "公民與社會"),
  q("國中桌遊融入教學", "unspaced", JUNIOR, "桌遊", "融入教學"),
  q("幼兒園美感", "unspaced", "幼兒園", "美感"),
  q("幼兒園語文領域", "unspaced", "幼兒園", "語文領域"),
  q("特殊教育資賦優異", "unspaced", SPECIAL, "資賦優異|資優"),
  q("身心障礙教育研習", "unspaced", "身心障礙|身障", "研習"),
  q("融合教育研習", "unspaced", "融合教育", "研習"),
  q("教務主任研習", "unspaced", "教務", "主任"),
  q("輔導行政人員知能研習", "unspaced", "輔導", "行政人員", "知能研習"),
  q("校長課程領導", "unspaced", "校長", "課程領導"),
  q("社群共備", "unspaced", "社群", "共備"),
  q("第二專長學分班", "unspaced", "第二專長", "學分班"),
  q("碩士在職專班", "unspaced", "碩士", "在職專班"),
  q("暑期學分班", "unspaced", "暑期", "學分班"),
  q("閱讀理解策略教學", "unspaced", "閱讀理解策略", "教學"),
  q("環境教育戶外學習", "unspaced", "環境教育|環教", "戶外學習"),
  q("資訊安全研習", "unspaced", "資訊安全|資安", "研習"),
  q("程式設計教學", "unspaced", "程式設計", "教學"),
  q("自我傷害防治", "unspaced", "自我傷害|自傷", "防治"),
  q("霸凌防制研習", "unspaced", "霸凌", "防制", "研習"),
  q("避難演練", "unspaced", "避難演練"),
  q("親師溝通研習", "unspaced", "親師溝通", "研習"),
  q("原住民族語教學", "unspaced", "原住民族語|族語", "教學"),
  q("新住民子女教育", "unspaced", "新住民", "子女"),
  q("客家語沉浸式教學", "unspaced", "客家語", "沉浸式"),
  q("海洋教育工作坊", "unspaced", "海洋教育|海教", "工作坊"),
  q("適性入學宣導", "unspaced", "適性入學", "宣導"),
  q("國小藝術領域專題講座", "unspaced", ELEMENTARY, "藝術", "專題講座|講座"),
  q("高中美術自主學習", "unspaced", SENIOR, "美術", "自主學習"),
  q("國中語文跨領域", "unspaced", JUNIOR, "語文", "跨領域"),
  q("高職外語群", "unspaced", VOCATIONAL, "外語群"),
  q("餐旅群研習", "unspaced", "餐旅群", "研習"),
  q("電機與電子群", "unspaced", "電機與電子群"),
  q("技術型高中技能教學", "unspaced", VOCATIONAL, "技能教學"),
  q("證照輔導實務", "unspaced", "證照輔導", "實務"),
  q("國小本土語文輔導團", "unspaced", ELEMENTARY, "本土語文|本土語", "輔導團"),
  q("國中數學學習評量", "unspaced", JUNIOR, "數學", "學習評量"),
  q("國小自然科學探究與實作", "unspaced", ELEMENTARY, "自然科學", "探究與實作"),
  q("高中歷史閱讀理解", "unspaced", SENIOR, "歷史", "閱讀理解"),
  q("高中地理分組合作學習", "unspaced", SENIOR, "地理", "分組合作學習"),
  q("國中社會學思達", "unspaced", JUNIOR, "社會", "學思達"),
  q("國小生活課程提問策略", "unspaced", ELEMENTARY, "生活課程", "提問策略"),
  q("教案設計增能研習", "unspaced", "教案設計", "增能研習"),
  q("種子教師研習", "unspaced", "種子教師", "研習"),
  q("性平事件調查", "unspaced", GENDER, "事件", "調查"),
  q("數位學習精進方案", "unspaced", "數位學習", "精進方案"),
  q("113學年度國小", "unspaced", "113學年度", ELEMENTARY),
  q("114學年度校本研習", "unspaced", "114學年度", "校本研習"),
  q("國中國際教育融入數學", "unspaced", JUNIOR, "國際教育", "數學"),
  q("國小性別平等教育", "unspaced", ELEMENTARY, GENDER),

  // Abbreviations and short forms.
  q("性平", "abbreviation", GENDER),
  q("環教", "abbreviation", "環教|環境教育"),
  q("資教", "abbreviation", "資教|資訊教育"),
  q("技職", "abbreviation", "技職|技術及職業~高職|技術型高"),
  q("特教", "abbreviation", SPECIAL),
  q("本土語", "abbreviation", "本土語|閩南語|客家語|原住民族語"),
  q("健體", "abbreviation", "健體|健康與體育"),
  q("藝文", "abbreviation", "藝文|藝術與人文|藝術"),
  q("108課綱", "abbreviation", TWELVE_YEAR),
  q("十二年國教", "abbreviation", TWELVE_YEAR),
  q("新課綱素養", "abbreviation", "108課綱|十二年國教|新課綱|素養導向~素養", "素養"),
  q("環教研習", "abbreviation", "環教|環境教育", "研習"),
  q("資教工作坊", "abbreviation", "資教|資訊教育", "工作坊"),
  q("特教研習", "abbreviation", SPECIAL, "研習"),
  q("國小特教", "abbreviation", ELEMENTARY, SPECIAL),
  q("健體領域", "abbreviation", "健體|健康與體育", "領域"),
  q("國中健體", "abbreviation", JUNIOR, "健體|健康與體育"),
  q("國小藝文", "abbreviation", ELEMENTARY, "藝文|藝術與人文|藝術"),
  q("資優", "abbreviation", "資優|資賦優異"),
  q("身障", "abbreviation", "身障|身心障礙"),
  q("資安", "abbreviation", "資安|資訊安全"),
  q("個資保護", "abbreviation", "個資|個人資料", "保護"),
  q("海教", "abbreviation", "海教|海洋教育"),
  q("幼教", "abbreviation", "幼教|幼兒教育|幼兒園|幼兒"),
  q("國中小", "abbreviation", "國中小|國中|國小|國民中學|國民小學|中小學"),
  q("社群", "abbreviation", "社群"),
  q("觀議課", "abbreviation", "觀議課|觀課|議課"),
  q("公開觀課", "abbreviation", "公開授課|公開觀課|觀議課"),
  q("本土語教學", "abbreviation", "本土語|閩南語|客家語|原住民族語", "教學"),
  q("技職教育", "abbreviation", "技職|技術及職業~高職|技術型高"),
  q("自然科", "abbreviation", "自然科學|自然"),
  q("英文", "single", "英文|英語"),
  q("國文", "single", "國文|國語文"),
  q("數學", "single", "數學"),
  q("閱讀", "single", "閱讀"),
  q("防災", "single", "防災"),
  q("生命教育", "single", "生命教育"),
  q("品德", "single", "品德"),
  q("人權", "single", "人權"),
  q("食農", "single", "食農"),
  q("國際教育", "single", "國際教育"),
  q("生涯規劃", "single", "生涯規劃|生涯"),
  q("班級經營", "single", "班級經營"),
  q("桌遊", "single", "桌遊"),
  q("淨零排放", "single", "淨零"),
  q("節能減碳", "single", "節能減碳"),
  q("晨讀", "single", "晨讀"),
  q("急救", "single", "急救"),
  q("霸凌", "single", "霸凌"),
  q("美感", "single", "美感"),

  // Latin and Chinese together.
  q("AI數學", "mixed", "AI", "數學"),
  q("生成式AI", "mixed", "生成式AI"),
  q("AI融入教學", "mixed", "AI", "融入教學"),
  q("ai教學", "mixed", "AI", "教學"),
  q("ＡＩ", "mixed", "AI"),
  q("STEAM教學", "mixed", "STEAM", "教學"),
  q("steam", "mixed", "STEAM"),
  q("國小STEAM", "mixed", ELEMENTARY, "STEAM"),
  q("高職STEAM", "mixed", VOCATIONAL, "STEAM"),
  q("IEP", "mixed", "IEP|個別化教育計畫"),
  q("IEP撰寫", "mixed", "IEP|個別化教育計畫", "撰寫"),
  q("CPR", "mixed", "CPR"),
  q("AED急救", "mixed", "AED", "急救"),
  q("CRC兒童權利", "mixed", "CRC|兒童權利公約", "兒童權利"),
  q("國際教育2.0", "mixed", "國際教育", "2.0"),
  q("AI 數學", "spaced", "AI", "數學"),

  // Words separated by spaces.
  q("國小 數學", "spaced", ELEMENTARY, "數學"),
  q("性平 研習", "spaced", GENDER, "研習"),
  q("國中 英語", "spaced", JUNIOR, "英語|英文"),
  q("特教 知能", "spaced", SPECIAL, "知能"),
  q("高中 物理 探究", "spaced", SENIOR, "物理", "探究"),
  q("海洋教育 工作坊", "spaced", "海洋教育", "工作坊"),

  // Organizer names, whole and shortened; 台 for 臺.
  org("國教署", "國教署|國民及學前教育署"),
  org("教育部國民及學前教育署", "教育部國民及學前教育署"),
  org("海生館", "海生館|海洋生物博物館"),
  org("國立臺灣歷史博物館", "國立臺灣歷史博物館"),
  org("台史博", "臺史博|臺灣歷史博物館"),
  org("傳藝中心", "傳藝中心|傳統藝術中心"),
  org("勤益教育大學", "勤益教育大學"),
  org("科教館", "科教館|科學教育館"),
  org("國立臺灣科學教育館", "國立臺灣科學教育館"),
  org("科博館", "科博館|自然科學博物館"),
  org("史前館", "史前館|史前文化博物館"),
  org("國立臺灣美術館", "國立臺灣美術館"),
  org("台中市政府教育局", "臺中市政府教育局"),
  org("臺南市政府教育局", "臺南市政府教育局"),
  org("新北市教師研習中心", "新北市教師研習中心"),
  org("台中市教師研習中心", "臺中市教師研習中心"),
  org("教師研習中心", "教師研習中心"),
  org("高中數學學科中心", "高中數學學科中心"),
  org("學科中心", "學科中心"),
  org("輔導團", "輔導團"),
  org("國民教育輔導團", "國民教育輔導團"),
  org("社區大學", "社區大學"),
  org("家庭教育中心", "家庭教育中心"),
  org("臺北市立示範國民中學", "臺北市立示範國民中學"),
  org("示範國中", "示範國中|示範國民中學"),
  org("台北市立圖書館", "臺北市立圖書館"),
  org("技術型高中家政群科中心", "技術型高中家政群科中心"),
  org("高雄市國小科技領域輔導團", "高雄市國小科技領域輔導團"),
  org("臺中市國中自然科學領域輔導團", "臺中市國中自然科學領域輔導團"),
  org("新北市政府教育局", "新北市政府教育局"),
  org("屏東縣政府教育處", "屏東縣政府教育處"),

  // One character wrong, judged by what was meant.
  q("性平研息", "typo", GENDER, "研習"),
  q("數學工作訪", "typo", "數學", "工作坊"),
  q("閱讀理解策落", "typo", "閱讀理解策略"),
  q("差意化教學", "typo", "差異化教學"),
  q("素養道向", "typo", "素養導向"),
  q("特殊教肓", "typo", SPECIAL),
  q("班級經瑩", "typo", "班級經營"),
  q("雙與教學", "typo", "雙語教學"),
  q("生命教玉", "typo", "生命教育"),
  q("環境叫育", "typo", "環境教育"),
  q("校定課程", "typo", "校訂課程"),
  q("公開受課", "typo", "公開授課"),
  q("探究與實做", "typo", "探究與實作"),
  q("跨領欲課程", "typo", "跨領域課程"),
  q("自主學系", "typo", "自主學習"),
  q("桌游融入教學", "typo", "桌遊", "融入教學"),
  q("資迅安全", "typo", "資訊安全"),
  q("分組和作學習", "typo", "分組合作學習"),
  q("数学研习", "typo", "數學", "研習"),
  q("环境教育", "typo", "環境教育"),
];
