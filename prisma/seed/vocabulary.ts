// Word lists for the demo data: places, names, schools, subjects and course words, in
// Traditional Chinese (臺, not 台). Generated names only: there is no list of real people here.
import { TAG_NAMES } from "../../lib/courses/tags";

export type UnitStage =
  | "UNIVERSITY"
  | "SENIOR_HIGH"
  | "VOCATIONAL_HIGH"
  | "JUNIOR_HIGH"
  | "ELEMENTARY"
  | "KINDERGARTEN"
  | "SPECIAL_SCHOOL"
  | "SUBJECT_CENTER"
  | "ADVISORY_GROUP"
  | "GOVERNMENT"
  | "EXPERIMENTAL";

export const STAGES: readonly UnitStage[] = [
  "UNIVERSITY",
  "SENIOR_HIGH",
  "VOCATIONAL_HIGH",
  "JUNIOR_HIGH",
  "ELEMENTARY",
  "KINDERGARTEN",
  "SPECIAL_SCHOOL",
  "SUBJECT_CENTER",
  "ADVISORY_GROUP",
  "GOVERNMENT",
  "EXPERIMENTAL",
];

/** 學校階段 / 開課單位類型, as the UI names them. */
export const STAGE_LABELS: Record<UnitStage, string> = {
  UNIVERSITY: "大專校院",
  SENIOR_HIGH: "高中",
  VOCATIONAL_HIGH: "高職",
  JUNIOR_HIGH: "國中",
  ELEMENTARY: "國小",
  KINDERGARTEN: "幼兒園",
  SPECIAL_SCHOOL: "特教學校",
  SUBJECT_CENTER: "學科中心",
  ADVISORY_GROUP: "輔導團/教研中心",
  GOVERNMENT: "政府機關/社教機構",
  EXPERIMENTAL: "實驗教育機構",
};

/** How many units of each stage, relative to each other (many 國小 and 國中, fewer others). */
export const STAGE_UNIT_WEIGHTS: Record<UnitStage, number> = {
  ELEMENTARY: 40,
  JUNIOR_HIGH: 17,
  KINDERGARTEN: 10,
  SENIOR_HIGH: 8,
  VOCATIONAL_HIGH: 5,
  UNIVERSITY: 4,
  SPECIAL_SCHOOL: 2,
  SUBJECT_CENTER: 3,
  ADVISORY_GROUP: 4,
  GOVERNMENT: 4,
  EXPERIMENTAL: 3,
};

/** The school stages a teacher can serve at. */
export const SCHOOL_STAGES: readonly UnitStage[] = [
  "ELEMENTARY",
  "JUNIOR_HIGH",
  "SENIOR_HIGH",
  "VOCATIONAL_HIGH",
  "KINDERGARTEN",
  "SPECIAL_SCHOOL",
  "UNIVERSITY",
];

/** The 22 counties (地區), in the order of domain.md. */
export const COUNTIES = [
  "臺北市",
  "新北市",
  "桃園市",
  "臺中市",
  "臺南市",
  "高雄市",
  "基隆市",
  "新竹市",
  "嘉義市",
  "新竹縣",
  "苗栗縣",
  "彰化縣",
  "南投縣",
  "雲林縣",
  "嘉義縣",
  "屏東縣",
  "宜蘭縣",
  "花蓮縣",
  "臺東縣",
  "澎湖縣",
  "金門縣",
  "連江縣",
] as const;

export type County = (typeof COUNTIES)[number];

/** 直轄市: their agencies are 教育局 and their elementary schools carry the district. */
export const MUNICIPALITIES: readonly County[] = ["臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市"];

/** Roughly how many schools each county has, relative to each other. */
export const COUNTY_WEIGHTS: Record<County, number> = {
  臺北市: 9,
  新北市: 13,
  桃園市: 8,
  臺中市: 10,
  臺南市: 9,
  高雄市: 11,
  基隆市: 2,
  新竹市: 1.6,
  嘉義市: 1.2,
  新竹縣: 3,
  苗栗縣: 4,
  彰化縣: 6,
  南投縣: 4,
  雲林縣: 5,
  嘉義縣: 4,
  屏東縣: 6,
  宜蘭縣: 3,
  花蓮縣: 3.5,
  臺東縣: 3,
  澎湖縣: 1.5,
  金門縣: 0.8,
  連江縣: 0.4,
};

/** Districts, townships and cities inside each county (a handful each). */
export const DISTRICTS: Record<County, readonly string[]> = {
  臺北市: ["中正區", "大同區", "中山區", "松山區", "大安區", "萬華區", "信義區", "士林區", "北投區", "內湖區", "南港區", "文山區"],
  新北市: ["板橋區", "三重區", "中和區", "永和區", "新莊區", "新店區", "土城區", "蘆洲區", "汐止區", "樹林區", "淡水區", "三峽區", "鶯歌區", "林口區", "瑞芳區"],
  桃園市: ["桃園區", "中壢區", "平鎮區", "八德區", "楊梅區", "蘆竹區", "大溪區", "龜山區", "大園區", "觀音區", "龍潭區", "復興區"],
  臺中市: ["中區", "東區", "南區", "西區", "北區", "西屯區", "南屯區", "北屯區", "豐原區", "大里區", "太平區", "清水區", "沙鹿區", "霧峰區", "大甲區", "東勢區"],
  臺南市: ["中西區", "東區", "南區", "北區", "安平區", "安南區", "永康區", "歸仁區", "新化區", "善化區", "新營區", "麻豆區", "佳里區", "學甲區", "玉井區"],
  高雄市: ["新興區", "前金區", "苓雅區", "鹽埕區", "鼓山區", "前鎮區", "三民區", "左營區", "楠梓區", "小港區", "鳳山區", "岡山區", "旗山區", "美濃區", "林園區", "大寮區"],
  基隆市: ["仁愛區", "信義區", "中正區", "中山區", "安樂區", "暖暖區", "七堵區"],
  新竹市: ["東區", "北區", "香山區"],
  嘉義市: ["東區", "西區"],
  新竹縣: ["竹北市", "竹東鎮", "新埔鎮", "關西鎮", "湖口鄉", "新豐鄉", "芎林鄉", "寶山鄉", "北埔鄉", "尖石鄉"],
  苗栗縣: ["苗栗市", "頭份市", "竹南鎮", "後龍鎮", "通霄鎮", "苑裡鎮", "卓蘭鎮", "公館鄉", "銅鑼鄉", "三義鄉"],
  彰化縣: ["彰化市", "員林市", "和美鎮", "鹿港鎮", "溪湖鎮", "二林鎮", "田中鎮", "北斗鎮", "花壇鄉", "芬園鄉", "大村鄉", "永靖鄉"],
  南投縣: ["南投市", "埔里鎮", "草屯鎮", "竹山鎮", "集集鎮", "名間鄉", "鹿谷鄉", "魚池鄉", "水里鄉", "信義鄉", "仁愛鄉"],
  雲林縣: ["斗六市", "斗南鎮", "虎尾鎮", "西螺鎮", "土庫鎮", "北港鎮", "古坑鄉", "莿桐鄉", "麥寮鄉", "臺西鄉", "口湖鄉"],
  嘉義縣: ["太保市", "朴子市", "布袋鎮", "大林鎮", "民雄鄉", "溪口鄉", "新港鄉", "六腳鄉", "東石鄉", "水上鄉", "中埔鄉", "竹崎鄉", "阿里山鄉"],
  屏東縣: ["屏東市", "潮州鎮", "東港鎮", "恆春鎮", "萬丹鄉", "長治鄉", "內埔鄉", "竹田鄉", "枋寮鄉", "車城鄉", "滿州鄉", "琉球鄉"],
  宜蘭縣: ["宜蘭市", "羅東鎮", "蘇澳鎮", "頭城鎮", "礁溪鄉", "壯圍鄉", "員山鄉", "冬山鄉", "五結鄉", "三星鄉", "南澳鄉"],
  花蓮縣: ["花蓮市", "鳳林鎮", "玉里鎮", "新城鄉", "吉安鄉", "壽豐鄉", "光復鄉", "瑞穗鄉", "富里鄉", "秀林鄉"],
  臺東縣: ["臺東市", "成功鎮", "關山鎮", "卑南鄉", "鹿野鄉", "池上鄉", "東河鄉", "太麻里鄉", "大武鄉", "綠島鄉", "蘭嶼鄉"],
  澎湖縣: ["馬公市", "湖西鄉", "白沙鄉", "西嶼鄉", "望安鄉", "七美鄉"],
  金門縣: ["金城鎮", "金湖鎮", "金沙鎮", "金寧鄉", "烈嶼鄉"],
  連江縣: ["南竿鄉", "北竿鄉", "莒光鄉", "東引鄉"],
};

/** Telephone area codes and the number of local digits. */
export const AREA_CODES: Record<County, { code: string; digits: number }> = {
  臺北市: { code: "02", digits: 8 },
  新北市: { code: "02", digits: 8 },
  基隆市: { code: "02", digits: 8 },
  桃園市: { code: "03", digits: 7 },
  新竹市: { code: "03", digits: 7 },
  新竹縣: { code: "03", digits: 7 },
  宜蘭縣: { code: "03", digits: 7 },
  花蓮縣: { code: "03", digits: 7 },
  苗栗縣: { code: "037", digits: 6 },
  臺中市: { code: "04", digits: 8 },
  彰化縣: { code: "04", digits: 7 },
  南投縣: { code: "049", digits: 7 },
  雲林縣: { code: "05", digits: 7 },
  嘉義市: { code: "05", digits: 7 },
  嘉義縣: { code: "05", digits: 7 },
  臺南市: { code: "06", digits: 7 },
  澎湖縣: { code: "06", digits: 7 },
  高雄市: { code: "07", digits: 7 },
  屏東縣: { code: "08", digits: 7 },
  臺東縣: { code: "089", digits: 6 },
  金門縣: { code: "082", digits: 6 },
  連江縣: { code: "0836", digits: 5 },
};

/** First letter of the national ID number, by the county of first household registration. */
export const NATIONAL_ID_LETTERS: Record<County, string> = {
  臺北市: "A",
  新北市: "F",
  桃園市: "H",
  臺中市: "B",
  臺南市: "D",
  高雄市: "E",
  基隆市: "C",
  新竹市: "O",
  嘉義市: "I",
  新竹縣: "J",
  苗栗縣: "K",
  彰化縣: "N",
  南投縣: "M",
  雲林縣: "P",
  嘉義縣: "Q",
  屏東縣: "T",
  宜蘭縣: "G",
  花蓮縣: "U",
  臺東縣: "V",
  澎湖縣: "X",
  金門縣: "W",
  連江縣: "Z",
};

/** 區管中心 regions: each REGION_ADMIN covers the counties of one region. */
export const REGIONS = [
  { key: "north", name: "北區", counties: ["臺北市", "新北市", "基隆市", "宜蘭縣", "金門縣", "連江縣"] },
  { key: "taozhumiao", name: "桃竹苗區", counties: ["桃園市", "新竹市", "新竹縣", "苗栗縣"] },
  { key: "central", name: "中區", counties: ["臺中市", "彰化縣", "南投縣"] },
  { key: "yunjianan", name: "雲嘉南區", counties: ["雲林縣", "嘉義市", "嘉義縣", "臺南市"] },
  { key: "south", name: "南區", counties: ["高雄市", "屏東縣", "澎湖縣"] },
  { key: "east", name: "東區", counties: ["花蓮縣", "臺東縣"] },
] as const satisfies readonly { key: string; name: string; counties: readonly County[] }[];

/** 臺北市 → 臺北 */
export function countyShort(county: string): string {
  return county.slice(0, -1);
}

/** 板橋區 → 板橋, 阿里山鄉 → 阿里山 (single-character districts such as 中區 stay as they are). */
export function districtShort(district: string): string {
  return district.length > 2 ? district.slice(0, -1) : district;
}

// ---------------------------------------------------------------------------------------------
// People

/** Common surnames, with rough relative frequencies. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["陳", 11], ["林", 8.3], ["黃", 6], ["張", 5.3], ["李", 5.1], ["王", 4.1], ["吳", 4], ["劉", 3.2],
  ["蔡", 2.9], ["楊", 2.6], ["許", 2.3], ["鄭", 1.9], ["謝", 1.8], ["郭", 1.7], ["洪", 1.6], ["曾", 1.4],
  ["邱", 1.4], ["廖", 1.3], ["賴", 1.3], ["周", 1.2], ["徐", 1.1], ["蘇", 1.1], ["葉", 1], ["莊", 1],
  ["呂", 1], ["江", 0.9], ["何", 0.8], ["蕭", 0.8], ["羅", 0.8], ["高", 0.7], ["潘", 0.6], ["簡", 0.6],
  ["朱", 0.6], ["鍾", 0.6], ["游", 0.5], ["彭", 0.5], ["詹", 0.5], ["胡", 0.5], ["施", 0.5], ["沈", 0.5],
  ["余", 0.4], ["盧", 0.4], ["梁", 0.4], ["趙", 0.4], ["顏", 0.4], ["柯", 0.4], ["翁", 0.4], ["魏", 0.3],
  ["孫", 0.3], ["戴", 0.3], ["范", 0.3], ["方", 0.3], ["宋", 0.3], ["鄧", 0.3], ["杜", 0.2], ["傅", 0.2],
  ["侯", 0.2], ["曹", 0.2], ["薛", 0.2], ["丁", 0.2], ["卓", 0.2], ["阮", 0.1], ["馬", 0.2], ["董", 0.2],
  ["溫", 0.2], ["唐", 0.2], ["藍", 0.1], ["石", 0.2], ["蔣", 0.2], ["古", 0.1], ["紀", 0.1], ["姚", 0.1],
  ["連", 0.1], ["馮", 0.1], ["歐", 0.1], ["程", 0.1], ["湯", 0.1], ["黎", 0.1], ["田", 0.1], ["康", 0.1],
];

export const FEMALE_GIVEN = [
  "雅", "婷", "怡", "君", "淑", "芬", "惠", "美", "玲", "佳", "欣", "宜", "慧", "靜", "珮", "筱",
  "郁", "文", "琪", "瑜", "蓉", "萱", "涵", "穎", "馨", "瑩", "真", "萍", "如", "儀", "秀", "麗",
  "玉", "華", "貞", "雯", "薇", "嘉", "珊", "芳", "鈺", "婉", "琳", "姿", "彤", "妤", "潔", "秋",
  "月", "心", "品", "詩", "思", "綺", "庭", "菁", "蕙", "敏", "柔", "晴", "宛", "亭", "璇", "瑄",
] as const;

export const MALE_GIVEN = [
  "志", "明", "建", "宏", "家", "豪", "俊", "傑", "文", "哲", "冠", "宇", "承", "翰", "偉", "勝",
  "柏", "凱", "信", "彥", "育", "政", "賢", "國", "榮", "正", "德", "誠", "永", "智", "仁", "安",
  "昇", "銘", "峰", "廷", "維", "祥", "嘉", "逸", "振", "書", "宗", "順", "耀", "立", "益", "鴻",
  "士", "男", "庭", "軒", "宸", "瑋", "暐", "崇", "達", "威", "駿", "晉", "毅", "俊", "成", "平",
] as const;

export const JOB_TITLES: Record<"school" | "kindergarten" | "university", readonly (readonly [string, number])[]> = {
  school: [["教師", 40], ["導師", 30], ["專任教師", 12], ["科任教師", 8], ["組長", 7], ["主任", 3]],
  kindergarten: [["幼兒園教師", 50], ["教保員", 35], ["園長", 5], ["主任", 10]],
  university: [["助理教授", 35], ["副教授", 30], ["教授", 20], ["講師", 15]],
};

/** 任教科目 by school stage. */
export const TEACHING_SUBJECTS: Record<UnitStage, readonly string[]> = {
  ELEMENTARY: ["國語", "數學", "英語", "自然科學", "社會", "藝術", "健康與體育", "綜合活動", "生活課程", "本土語文", "資訊", "特殊教育"],
  JUNIOR_HIGH: ["國文", "英語", "數學", "理化", "生物", "地球科學", "歷史", "地理", "公民與社會", "音樂", "視覺藝術", "表演藝術", "健康教育", "體育", "家政", "童軍", "輔導", "資訊科技", "生活科技", "特殊教育"],
  SENIOR_HIGH: ["國文", "英文", "數學", "物理", "化學", "生物", "地球科學", "歷史", "地理", "公民與社會", "音樂", "美術", "體育", "健康與護理", "全民國防教育", "資訊科技", "生活科技", "生涯規劃", "輔導", "第二外國語文"],
  VOCATIONAL_HIGH: ["國文", "英文", "數學", "機械", "電機", "電子", "資訊", "商業經營", "會計", "國際貿易", "餐飲管理", "觀光事業", "食品加工", "水產養殖", "美容", "幼兒保育", "廣告設計", "汽車", "建築", "化工", "農場經營", "航海", "輪機"],
  KINDERGARTEN: ["幼兒教育"],
  SPECIAL_SCHOOL: ["特殊教育", "生活管理", "職業教育", "社會適應", "功能性動作訓練"],
  UNIVERSITY: ["教育學", "師資培育", "數學", "物理", "化學", "生命科學", "資訊工程", "中國文學", "外國語文", "特殊教育", "幼兒教育", "體育", "音樂", "美術", "餐旅管理", "機械工程"],
  SUBJECT_CENTER: ["國文", "數學", "英文"],
  ADVISORY_GROUP: ["國語", "數學", "英語"],
  GOVERNMENT: ["教育行政"],
  EXPERIMENTAL: ["實驗教育", "自然探索", "藝術"],
};

/** 學校所屬類別 answers, by stage. */
export const SCHOOL_CATEGORY: Record<UnitStage, string> = {
  UNIVERSITY: "大專校院",
  SENIOR_HIGH: "高級中等學校",
  VOCATIONAL_HIGH: "高級中等學校",
  JUNIOR_HIGH: "國民中學",
  ELEMENTARY: "國民小學",
  KINDERGARTEN: "幼兒園",
  SPECIAL_SCHOOL: "特殊教育學校",
  SUBJECT_CENTER: "其他",
  ADVISORY_GROUP: "其他",
  GOVERNMENT: "其他",
  EXPERIMENTAL: "實驗教育機構",
};

// ---------------------------------------------------------------------------------------------
// Schools and agencies

/** Place-like words for school names (many are common school names across Taiwan). */
export const PLACE_WORDS = [
  "中正", "中山", "民生", "仁愛", "信義", "和平", "光復", "復興", "大同", "自強", "忠孝", "建國",
  "民權", "民族", "博愛", "中興", "光明", "文化", "福德", "永和", "長安", "新生", "成功", "明德",
  "育英", "崇德", "興華", "德興", "海山", "文山", "青山", "竹林", "松山", "西湖", "東湖", "龍門",
  "龍山", "新興", "三民", "五福", "七賢", "光華", "華興", "後埔", "埔墘", "江翠", "重慶", "秀朗",
  "頂溪", "大觀", "崇光", "銘傳", "溪洲", "大東", "五甲", "水源", "福興", "溪湖", "忠義", "幸安",
  "南門", "北門", "東門", "西門", "日新", "新民", "大成", "明倫", "東興", "西園", "南興", "北新",
  "福林", "雙溪", "蘭雅", "石牌", "天母", "清水", "文昌", "武營", "中華", "永安", "太平", "長春",
  "新莊", "豐年", "瑞豐", "鳳鳴", "竹圍", "林園", "金華", "寶山", "大湖", "鯉魚", "觀音", "麗山",
  "內湖", "碧華", "港和", "景美", "興隆", "萬芳", "明湖", "桃源", "柳營", "鹽水", "安順", "土城",
  "溪頭", "山腳", "海濱", "鹿鳴", "月眉", "仁德", "德光", "仁和", "信興", "坪頂", "後甲", "勝利",
  "建功", "南寮", "振興", "新湖", "南光", "中崙", "光仁", "平和", "協和", "啟明", "育才", "實踐",
  "三和", "五權", "向上", "惠文", "黎明", "大業", "四維", "八德", "九如", "十全", "百齡", "千禧",
] as const;

/** Words for private school names. */
export const PRIVATE_SCHOOL_WORDS = [
  "光啟", "崇光", "聖心", "道明", "明道", "華盛", "復華", "育達", "立德", "致遠", "弘道", "恆毅",
  "崇仁", "興國", "東方", "正心", "新民", "景文", "金甌", "開明", "大華", "明誠", "慈恩", "文德",
  "啟英", "光華", "三信", "樹德", "泰北", "喬治", "能仁", "長榮", "淡江", "協同", "善導", "永年",
] as const;

export const KINDERGARTEN_WORDS = [
  "小太陽", "彩虹", "快樂", "小天使", "森林", "向日葵", "小星星", "童心", "愛心", "晨光", "小蘋果",
  "喜樂", "親親", "佳佳", "小樹苗", "蒲公英", "小熊", "童話", "小魚兒", "陽光", "種子", "綠野",
  "米奇", "小雲朵", "花園", "小河馬", "大地", "星空", "小書蟲", "啟蒙",
] as const;

export const EXPERIMENTAL_WORDS = [
  "種籽", "森林", "華德福", "光合", "山海", "共學", "苗圃", "海風", "禾心", "田園", "小樹", "月亮",
  "拾光", "飛魚", "土地", "野果", "星光", "溪流", "綠洲", "風禾", "泥土", "山林", "耕心", "河岸",
  "楓葉", "雲梯", "晨曦", "野鳥", "蝴蝶", "稻穗",
] as const;

export const UNIVERSITY_WORDS = [
  "臺灣", "中興", "中正", "中山", "成功", "清華", "政治", "中央", "彰化", "嘉義", "高雄", "東華",
  "暨南", "宜蘭", "聯合", "屏東", "臺東", "金門", "澎湖", "海洋", "雲林", "虎尾", "勤益", "臺北",
  "臺中", "臺南", "新竹", "陽明", "北斗", "玉山", "合歡", "阿里山", "太魯閣", "淡水", "蘭陽", "日月潭",
] as const;

export const PRIVATE_UNIVERSITY_WORDS = [
  "東海", "逢甲", "輔仁", "淡江", "中原", "文化", "東吳", "銘傳", "世新", "實踐", "靜宜", "大同",
  "長庚", "元智", "義守", "南華", "玄奘", "亞洲", "真理", "開南", "明道", "慈濟", "佛光", "華梵",
] as const;

export const SENIOR_HIGH_SUBJECT_CENTERS = [
  "國文", "英文", "數學", "物理", "化學", "生物", "地球科學", "歷史", "地理", "公民與社會", "藝術生活",
  "音樂", "美術", "健康與護理", "體育", "全民國防教育", "生活科技", "資訊科技", "家政", "生涯規劃",
  "本土語文", "第二外國語文", "特殊教育",
] as const;

/** 技術型高中 groups (群) and some of their departments (科). */
export const VOCATIONAL_GROUPS: readonly { group: string; departments: readonly string[] }[] = [
  { group: "機械群", departments: ["機械科", "製圖科", "模具科", "鑄造科"] },
  { group: "動力機械群", departments: ["汽車科", "重機科", "飛機修護科"] },
  { group: "電機與電子群", departments: ["電機科", "電子科", "資訊科", "控制科", "冷凍空調科"] },
  { group: "化工群", departments: ["化工科", "紡織科"] },
  { group: "土木與建築群", departments: ["建築科", "土木科", "消防工程科"] },
  { group: "商業與管理群", departments: ["商業經營科", "國際貿易科", "會計事務科", "資料處理科", "電子商務科"] },
  { group: "外語群", departments: ["應用英語科", "應用日語科"] },
  { group: "設計群", departments: ["廣告設計科", "室內空間設計科", "多媒體設計科", "美工科"] },
  { group: "農業群", departments: ["農場經營科", "園藝科", "畜產保健科", "森林科"] },
  { group: "食品群", departments: ["食品加工科", "水產食品科", "烘焙科"] },
  { group: "家政群", departments: ["美容科", "幼兒保育科", "時尚造型科", "服裝科"] },
  { group: "餐旅群", departments: ["餐飲管理科", "觀光事業科"] },
  { group: "水產群", departments: ["漁業科", "水產養殖科"] },
  { group: "海事群", departments: ["航海科", "輪機科"] },
  { group: "藝術群", departments: ["音樂科", "舞蹈科", "表演藝術科", "美術科", "影劇科"] },
];

export const VOCATIONAL_SCHOOL_KINDS = [
  "工業", "商業", "農工", "工商", "家事商業", "海事水產", "農業", "商工",
] as const;

/** Learning areas (領域) used by 輔導團 names and course paths. */
export const ADVISORY_AREAS = [
  "語文", "英語文", "本土語文", "數學", "自然科學", "社會", "藝術", "綜合活動", "健康與體育", "科技", "特殊教育", "生活課程",
] as const;

/** National agencies and museums that organise teacher training, with their county. */
export const NATIONAL_AGENCIES: readonly { name: string; county: County }[] = [
  { name: "國家教育研究院", county: "新北市" },
  { name: "教育部國民及學前教育署", county: "臺中市" },
  { name: "國立臺灣科學教育館", county: "臺北市" },
  { name: "國立臺灣圖書館", county: "新北市" },
  { name: "國立自然科學博物館", county: "臺中市" },
  { name: "國立科學工藝博物館", county: "高雄市" },
  { name: "國立海洋科技博物館", county: "基隆市" },
  { name: "國立公共資訊圖書館", county: "臺中市" },
  { name: "國立臺灣史前文化博物館", county: "臺東縣" },
  { name: "國立臺灣美術館", county: "臺中市" },
  { name: "國立臺灣藝術教育館", county: "臺北市" },
  { name: "國立臺灣歷史博物館", county: "臺南市" },
  { name: "國立海洋生物博物館", county: "屏東縣" },
  { name: "國立臺灣博物館", county: "臺北市" },
  { name: "國立傳統藝術中心", county: "宜蘭縣" },
];

export const ROADS = [
  "中山路", "中正路", "民生路", "民族路", "民權路", "建國路", "復興路", "文化路", "中華路", "成功路",
  "光復路", "自由路", "和平路", "信義路", "仁愛路", "忠孝路", "大同路", "公園路", "學府路", "育英路",
  "文昌路", "新生路", "長安路", "中興路", "明德路", "博愛路", "福德路", "永安路", "勝利路", "五權路",
] as const;

export const ROAD_SECTIONS = ["", "", "", "一段", "二段", "三段"] as const;

// ---------------------------------------------------------------------------------------------
// Courses

/** 研習類別 of non-credit courses, with relative frequencies. */
export const COURSE_CATEGORIES: readonly (readonly [string, number])[] = [
  ["一般研習", 34],
  ["增能研習", 16],
  ["校本研習", 14],
  ["工作坊", 14],
  ["專業學習社群", 8],
  ["講座", 7],
  ["種子研習", 4],
  ["研討會", 3],
];

/** How a category reads at the end of a title. */
export const CATEGORY_TITLE_WORD: Record<string, string> = {
  一般研習: "研習",
  增能研習: "增能研習",
  校本研習: "校本研習",
  工作坊: "工作坊",
  專業學習社群: "社群研習",
  講座: "專題講座",
  種子研習: "種子教師研習",
  研討會: "研討會",
};

export const CREDIT_CATEGORIES = ["教師在職進修學分班", "第二專長學分班", "特殊教育學分班"] as const;
export const DEGREE_CATEGORIES = ["碩士在職專班", "碩士學位班"] as const;

/** 專案屬性標籤: the managed list (lib/courses/tag-vocabulary.json), names only. */
export const TAGS: readonly string[] = TAG_NAMES;

/** Cross-curricular issues (議題): how titles say them, and which tags go with them. */
export const ISSUES: readonly { name: string; tags: readonly string[]; titles: readonly string[] }[] = [
  {
    name: "性別平等教育",
    tags: ["性別平等教育"],
    titles: ["校園性平事件處理知能研習", "性平事件調查專業人員培訓研習", "校園性別平等教育與情感教育研習", "性別平等教育融入課程教學研習"],
  },
  {
    name: "特殊教育",
    tags: ["特殊教育"],
    titles: [
      "特教知能研習",
      "普通班教師特教知能研習",
      "特殊教育學生個別化教育計畫(IEP)撰寫研習",
      "融合教育與特教學生輔導策略研習",
      "特殊教育學生鑑定與安置說明會",
      "普通班教師特殊教育知能研習",
      "特教學生情緒行為支持研習",
    ],
  },
  {
    name: "環境教育",
    tags: ["環境教育", "能源教育"],
    titles: ["環境教育戶外學習場域踏查研習", "淨零排放與氣候變遷教育研習", "校園能源教育與節能減碳實務研習"],
  },
  {
    name: "資訊教育",
    tags: ["資訊教育", "數位學習", "科技教育"],
    titles: ["生成式AI融入教學工作坊", "數位學習精進方案教師增能研習", "資訊安全與個人資料保護研習", "程式設計與運算思維教學研習"],
  },
  {
    name: "閱讀教育",
    tags: ["閱讀教育"],
    titles: ["閱讀理解策略教學研習", "晨讀與班級共讀推動研習", "圖書館利用教育與閱讀推動研習"],
  },
  {
    name: "生命教育",
    tags: ["生命教育", "品德教育"],
    titles: ["生命教育與自我傷害防治研習", "學生心理健康促進與輔導知能研習", "品德教育與班級經營研習"],
  },
  {
    name: "人權教育",
    tags: ["人權教育", "法治教育"],
    titles: ["人權教育與校園正向管教研習", "兒童權利公約(CRC)教育研習", "校園法治教育與霸凌防制研習"],
  },
  {
    name: "國際教育",
    tags: ["國際教育", "雙語教育"],
    titles: ["中小學國際教育2.0推動研習", "雙語教學課室英語增能研習", "國際教育交流與課程設計研習"],
  },
  {
    name: "防災教育",
    tags: ["防災教育", "安全教育"],
    titles: ["校園防災教育與避難演練研習", "校園安全及災害防救通報研習", "CPR及AED急救訓練研習"],
  },
  {
    name: "家庭教育",
    tags: ["家庭教育"],
    titles: ["親師溝通與家庭教育研習", "家庭教育課程融入教學研習"],
  },
  {
    name: "戶外教育",
    tags: ["戶外教育", "食農教育"],
    titles: ["戶外教育課程設計研習", "食農教育與校園農園經營研習", "山野教育與戶外安全研習"],
  },
  {
    name: "原住民族教育",
    tags: ["原住民族教育", "多元文化教育"],
    titles: ["原住民族文化融入教學研習", "原住民族語教學知能研習"],
  },
  {
    name: "新住民教育",
    tags: ["新住民教育", "多元文化教育"],
    titles: ["新住民子女教育輔導知能研習", "新住民語文教學支援人員研習"],
  },
  {
    name: "本土語言教育",
    tags: ["本土語言"],
    titles: ["本土語言(閩南語)教學研習", "客家語沉浸式教學研習", "本土語文課程與教材教法研習"],
  },
  {
    name: "海洋教育",
    tags: ["海洋教育"],
    titles: ["海洋教育教師增能工作坊", "水域安全與海洋教育研習"],
  },
  {
    name: "生涯規劃教育",
    tags: ["生涯規劃教育"],
    titles: ["生涯輔導與適性入學宣導研習", "技職教育與生涯發展研習"],
  },
  {
    name: "美感教育",
    tags: ["美感教育"],
    titles: ["美感與設計課程教師研習", "藝術與美感教育融入教學研習"],
  },
];

/** Teaching topics that titles combine with a stage and subject. */
export const TOPICS = [
  "素養導向教學", "差異化教學", "閱讀理解策略", "數位學習", "生成式AI融入教學", "探究與實作",
  "跨領域課程設計", "學習評量", "公開授課與觀議課", "班級經營", "課程設計與教學實踐", "雙語教學",
  "學習扶助", "自主學習", "適性輔導", "校訂課程發展", "教案設計", "專題實作", "桌遊融入教學",
  "分組合作學習", "學思達教學", "行動學習", "STEAM教學", "提問策略", "學習歷程檔案", "多元評量",
] as const;

/** Curriculum stages that course paths (課程分類) start with. */
export type CurriculumStage = "國小" | "國中" | "高中" | "高職" | "幼兒園" | "特殊教育" | "大專校院";

export const ELEMENTARY_AREAS = ["國語文", "數學", "英語文", "自然科學", "社會", "藝術", "健康與體育", "綜合活動", "生活課程", "本土語文", "科技"] as const;
export const JUNIOR_HIGH_AREAS = ["語文", "數學", "自然科學", "社會", "藝術", "綜合活動", "科技", "健康與體育"] as const;
export const SENIOR_HIGH_SUBJECTS = ["國文", "英文", "數學", "物理", "化學", "生物", "地球科學", "歷史", "地理", "公民與社會", "音樂", "美術", "資訊科技", "生活科技", "體育", "健康與護理", "全民國防教育"] as const;
export const KINDERGARTEN_AREAS = ["身體動作與健康", "認知", "語文", "社會", "情緒", "美感"] as const;
export const SPECIAL_AREAS = ["身心障礙", "資賦優異", "融合教育"] as const;
export const ADMIN_OFFICES = ["教務", "學務", "總務", "輔導", "人事", "會計", "校長領導"] as const;

export const TIME_SLOTS = ["WEEKDAY_DAYTIME", "WEEKDAY_EVENING", "WEEKEND", "SCHOOL_BREAK"] as const;

export const VENUE_ROOMS = [
  "視聽教室", "會議室", "圖書館多功能教室", "電腦教室", "演講廳", "大禮堂", "研習教室", "自然教室",
  "行政大樓三樓會議室", "活動中心", "專科教室", "國際會議廳",
] as const;

export const MEAL_CHOICES: readonly (readonly [string, number])[] = [["葷食", 72], ["素食", 16], ["不用餐", 12]];
export const LODGING_CHOICES: readonly (readonly [string, number])[] = [["不住宿", 75], ["住宿", 25]];
export const TRANSPORT_CHOICES: readonly (readonly [string, number])[] = [["自行前往", 80], ["搭乘交通車", 20]];
export const PARKING_CHOICES: readonly (readonly [string, number])[] = [["不需要", 55], ["需要", 45]];

export const PAYMENT_METHODS = ["現場繳費", "匯款"] as const;

export const REJECT_NOTES = [
  "名額已滿",
  "非本研習參加對象",
  "報名資格不符",
  "優先錄取本縣市教師",
  "同校報名人數已達上限",
  "未完成前一階段課程",
] as const;

export const CANCEL_COURSE_NOTES = [
  "因颱風停班停課，本研習取消",
  "報名人數不足，本研習取消",
  "講師因故無法出席，本研習取消",
  "場地因素，本研習取消，另擇期辦理",
] as const;

export const RETURN_NOTES = [
  "請補充課程內容與講師資料後再送審",
  "研習時數與課程時段不符，請修正",
  "參加對象請敘明學習階段與領域",
] as const;

export const DESCRIPTION_CLOSINGS = [
  "全程參與者核予研習時數{hours}小時。",
  "請參加人員依規定核予公(差)假，課務排代。",
  "如遇天然災害停班停課，將另行公告延期辦理。",
  "研習當日請攜帶筆記型電腦及充電器。",
  "為響應環保，請自備環保杯及餐具。",
  "本研習提供研習手冊電子檔，請於研習前下載。",
] as const;

export const DESCRIPTION_METHODS = [
  "課程內容包含專題演講、實作演練與分組討論，由具實務經驗之講師帶領。",
  "課程以案例分析與實作為主，參與教師將完成可於課堂使用的教學設計。",
  "邀請現場教師分享教學實例，並安排共備與觀課回饋。",
  "上午為專題講座，下午為分組實作與成果分享。",
  "研習採線上與實體並行，並提供教材與延伸閱讀資源。",
] as const;
