// The public face of the network: approved organizations and open needs, read from the services.
const KINDS = {
  SOCIAL_ORGANIZATION: '社会组织', MASS_ORGANIZATION: '群团组织', COMMUNITY_ORGANIZATION: '社区社会组织',
  HUB_ORGANIZATION: '枢纽型社会组织', VOLUNTEER_TEAM: '志愿服务队', GOVERNMENT_OFFICE: '政府部门',
  ENTERPRISE: '爱心企业', ACADEMIC: '高校/科研院所'
};
const CATEGORIES = { SUPPLIES: '物资', SERVICE: '服务', PEOPLE: '人力', FUNDS: '资金', VENUE: '场地', TECHNOLOGY: '技术' };
const URGENCY = { LOW: '低 low', NORMAL: '一般 normal', HIGH: '紧急 high', CRITICAL: '特急 critical' };

function item(title, meta) {
  const li = document.createElement('li');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const div = document.createElement('div');
  div.className = 'meta';
  div.textContent = meta;
  li.append(strong, div);
  return li;
}

function show(list, items, empty) {
  list.replaceChildren(...(items.length ? items : [Object.assign(document.createElement('li'), { className: 'empty', textContent: empty })]));
}

async function load(list, url, render, empty) {
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    const page = await response.json();
    show(list, page.items.map(render), empty);
  } catch (e) {
    list.replaceChildren(Object.assign(document.createElement('li'), { className: 'error', textContent: '无法加载 Cannot load: ' + e.message }));
  }
}

(async () => {
  const config = await (await fetch('config.json')).json();
  for (const [id, base] of [['registry-docs', config.registry], ['action-docs', config.action],
                            ['matching-docs', config.matching], ['notification-docs', config.notification]]) {
    document.getElementById(id).href = base + '/q/swagger-ui';
  }
  load(document.getElementById('organizations'), config.registry + '/organizations?size=50',
    o => item(o.nameZh + (o.nameEn ? ' · ' + o.nameEn : ''), (KINDS[o.kind] || o.kind) + ' ' + o.kind + ' · 服务地区 areas ' + o.serviceAreas.join(', ')),
    '暂无成员组织 No member organizations yet');
  load(document.getElementById('needs'), config.action + '/needs?size=50',
    n => item((CATEGORIES[n.category] || n.category) + ' · ' + n.item + ' × ' + n.quantity + ' ' + n.unit,
      '紧急程度 urgency ' + (URGENCY[n.urgency] || n.urgency) + ' · 地点 place '
        + (n.place ? n.place.path + n.place.name : n.areaCode)
        + (n.quantityMatched > 0 ? ' · 已匹配 matched ' + n.quantityMatched : '')
        + (n.targetGroupLabel ? ' · ' + n.targetGroupLabel : '')),
    '暂无待满足的需求 No open needs');
})();
