/** Simplified Chinese UI strings. Every other locale must provide the same keys. */
export const zhCN = {
  'site.name': '客服课堂',
  'site.skipToContent': '跳到正文',
  'site.home': '课程首页',
  'site.me': '我的学习',
  'site.glossary': '术语表',
  'site.mainNav': '主导航',
  'site.footer': '学习记录只保存在你自己的浏览器中，不会上传到任何地方。',
  'home.modules': '课程模块',
  'home.lessonCount': '{n} 课',
  'home.minutes': '约 {n} 分钟',
  'home.totalTime': '共 {lessons} 课，约 {hours} 小时',
  'home.module': '模块 {n}',
  'lesson.objectives': '学完本课，你将能够',
  'lesson.minutes': '约 {n} 分钟',
  'lesson.breadcrumb': '你在这里',
  'lesson.moduleLesson': '模块 {module} · 第 {order} 课',
  'lesson.previous': '上一课',
  'lesson.next': '下一课',
  'lesson.pager': '课程翻页',
  'lesson.sources': '本课依据的课件',
  'lesson.present': '课堂演示',
  'notes.summary': '教师备注',
  'quiz.label': '知识检测',
  'quiz.showAnswer': '查看答案与解析',
  'quiz.correct': '正确答案',
  'quiz.true': '正确',
  'quiz.false': '错误',
  'quiz.open': '打开测验',
  'notFound.title': '页面不存在',
  'notFound.body': '你要找的页面可能已经移动或被删除。可以回到课程首页继续学习。',
  'notFound.back': '回到课程首页',
  // — progress —
  // — quiz —
  // — assessment —
  // — scenario —
  // — present —
  // — hr —
  // — scorm —
} as const;

export type UiKey = keyof typeof zhCN;
