// The reporter's return visit (短信回访). The token is after '#', so it reaches only our API, never an access log.
(function () {
  'use strict';
  var token = location.hash.replace(/^#/, '');
  var api = '../api/public/return-visits/' + encodeURIComponent(token);

  function show(id, text) {
    var element = document.getElementById(id);
    if (text !== undefined) {
      element.textContent = text;
    }
    element.hidden = false;
  }

  function hide(id) {
    document.getElementById(id).hidden = true;
  }

  function time(value) {
    if (!value) {
      return '';
    }
    return new Date(value).toLocaleString('zh-CN', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
    });
  }

  function problem(response, body) {
    hide('loading');
    hide('event');
    show('problem', body && body.message ? body.message : '暂时无法打开，请稍后再试（' + response.status + '）');
  }

  function answerOf(form) {
    var checked = function (name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      return input ? input.value : null;
    };
    return { resolved: checked('resolved'), satisfaction: checked('satisfaction'), comment: form.comment.value };
  }

  function load() {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      hide('loading');
      show('problem', '链接无效，请核对短信中的链接');
      return;
    }
    fetch(api, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          problem(response, body);
          return;
        }
        hide('loading');
        show('eventNumber', body.eventNumber);
        show('categoryName', body.categoryName);
        show('community', body.community || '');
        show('reporter', [body.reporterName, body.reporterPhone].filter(Boolean).join(' '));
        show('resolvedAt', time(body.resolvedAt));
        show('result', body.result || '');
        show('answerBy', time(body.answerBy));
        show('event');
      });
    }).catch(function () {
      hide('loading');
      show('problem', '网络异常，请稍后再试');
    });
  }

  document.getElementById('answer').addEventListener('submit', function (event) {
    event.preventDefault();
    var answer = answerOf(event.target);
    if (!answer.resolved || !answer.satisfaction) {
      show('formError', '请选择问题是否已解决和满意程度');
      return;
    }
    hide('formError');
    var button = document.getElementById('submit');
    button.disabled = true;
    fetch(api, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(answer)
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (response.ok) {
          hide('event');
          show('thanks', body && body.message ? body.message : '感谢您的评价！');
        } else if (response.status === 400) {
          button.disabled = false;
          show('formError', body && body.message ? body.message : '请检查您的回答');
        } else {
          problem(response, body);
        }
      });
    }).catch(function () {
      button.disabled = false;
      show('formError', '网络异常，请稍后再提交');
    });
  });

  load();
}());
