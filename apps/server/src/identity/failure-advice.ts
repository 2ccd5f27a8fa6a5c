/**
 * The vendor's `failed_reason` is terse (「人脸比对不通过」). People need to know what failed and
 * what to do next, in plain Chinese: the reason is matched to one of the failures people meet in
 * practice, and anything unknown gets general advice rather than nothing.
 */
export interface FailureAdvice {
  /** What failed, in a few words. */
  title: string;
  /** What to do next. */
  detail: string;
  /** Whether a new photo is what is most likely to help (the page then offers to retake it). */
  retakePhoto: boolean;
}

interface AdviceRule {
  matches: RegExp;
  advice: FailureAdvice;
}

const RULES: AdviceRule[] = [
  {
    matches: /姓名.*不匹配|不匹配.*姓名|姓名.*不一致|身份证号.*不匹配/,
    advice: {
      title: '姓名与身份证号不一致',
      detail: '请核对姓名和身份证号是否与证件一致（包括少数民族姓名中的“·”、末位的X），修改后重新认证',
      retakePhoto: false,
    },
  },
  {
    matches: /未查询到|查无|不存在|身份信息.*(有误|异常)/,
    advice: {
      title: '未查询到该身份信息',
      detail: '请核对姓名和身份证号；新办或刚换领的身份证可能还未同步，可过几天再试',
      retakePhoto: false,
    },
  },
  {
    matches: /质量|模糊|清晰|光线|遮挡|多张人脸|未检测到人脸|没有人脸/,
    advice: {
      title: '照片不够清晰',
      detail: '请在光线充足的地方，本人正对镜头拍摄，露出完整面部，不要遮挡、不要使用美颜或滤镜',
      retakePhoto: true,
    },
  },
  {
    matches: /人脸|比对|相似度|非本人/,
    advice: {
      title: '照片与身份证照片不是同一人',
      detail: '请本人正对镜头、光线充足、摘下眼镜帽子后重新拍摄；请勿使用翻拍的照片或他人的照片',
      retakePhoto: true,
    },
  },
];

const GENERAL: FailureAdvice = {
  title: '认证未通过',
  detail: '请核对姓名和身份证号，并由本人正对镜头重新拍摄一张清晰的正脸照片后再试',
  retakePhoto: true,
};

export function adviceForFailure(reason: string | null | undefined): FailureAdvice {
  const text = reason ?? '';
  return RULES.find((rule) => rule.matches.test(text))?.advice ?? GENERAL;
}
