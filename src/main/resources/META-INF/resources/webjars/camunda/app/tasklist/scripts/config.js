// Jingzhi's configuration of Camunda Tasklist (replaces the webjar's default config.js).
// Chinese for browsers that prefer it (zh, zh-CN), English otherwise; dates in the locale's long
// format, which the Chinese locale writes as 2026年10月9日 17:30.
export default {
  app: {
    name: '任务列表',
    vendor: '精治'
  },
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'LLL',
    long: 'LLLL'
  },
  disableWelcomeMessage: true,
  // the number of tasks on every filter, not only on the one in focus
  customScripts: ['scripts/filter-counts.js'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '签收当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '跳到过滤器列表'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '跳到任务列表'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '跳到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
