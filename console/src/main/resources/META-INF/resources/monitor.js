// The coordinator's flow monitor: figures from /coordinator/monitor/data every 5 seconds, drawn with ECharts.
(function () {
  const words = JSON.parse(document.getElementById('monitor-words').textContent);
  const RISK_COLOURS = { HIGH: '#c62828', RELATIVELY_HIGH: '#ef6c00', MEDIUM: '#f9a825', LOW: '#1565c0', GENERAL: '#2e7d32', NONE: '#9e9e9e' };
  const eventsChart = echarts.init(document.getElementById('events-chart'));
  const areaChart = echarts.init(document.getElementById('area-chart'));
  window.addEventListener('resize', () => { eventsChart.resize(); areaChart.resize(); });

  function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }
  function fill(tableId, rows) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren(...rows.map(values => { const tr = document.createElement('tr'); values.forEach(v => tr.appendChild(cell(v))); return tr; }));
    if (rows.length === 0) { const tr = document.createElement('tr'); const td = cell(words.none); td.colSpan = 4; tr.appendChild(td); body.appendChild(tr); }
  }
  function duration(seconds) {
    if (seconds < 60) return seconds + ' ' + words.seconds;
    if (seconds < 3600) return Math.round(seconds / 60) + ' ' + words.minutes;
    return (seconds / 3600).toFixed(1) + ' ' + words.hours;
  }
  function when(iso) { return new Date(iso).toLocaleString(document.documentElement.lang); }

  async function refresh() {
    let data;
    try {
      const response = await fetch('/coordinator/monitor/data', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      data = await response.json();
    } catch (e) { return; }
    document.getElementById('followed').textContent = data.needsFollowed;
    const minutes = [...Array(data.minutes).keys()].map(i => (i - data.minutes + 1) + "'");
    eventsChart.setOption({
      tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 }, grid: { left: 40, right: 10, top: 10, bottom: 50 },
      xAxis: { type: 'category', data: minutes, name: words.minute }, yAxis: { type: 'value', minInterval: 1 },
      series: Object.entries(data.eventsPerMinute).map(([topic, counts]) => ({ name: topic, type: 'line', smooth: true, data: counts }))
    }, true);
    fill('lag', Object.entries(data.consumerLag).map(([group, behind]) => [group, String(behind)]));
    fill('stages', data.stageTimes.map(s => [words.stages[s.from] + ' → ' + words.stages[s.to], String(s.needs),
      s.needs ? duration(s.medianSeconds) : '—', s.needs ? duration(s.p90Seconds) : '—']));
    fill('stuck', data.stuckByArea.map(s => [s.area, String(s.needs), when(s.waitingSince)]));
    areaChart.setOption({
      title: data.areas.length ? { show: false } : { show: true, text: words.none, left: 'center', top: 'middle', textStyle: { color: '#4a5563', fontSize: 14 } },
      tooltip: { formatter: p => p.data.path + '<br>' + words.risk[p.data.riskLevel] + ' · ' + words.unmet + ' ' + p.data.unmet },
      series: [{ type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false },
        data: data.areas.map(a => ({ name: a.name + '\n' + words.unmet + ' ' + a.unmet, value: Math.max(1, a.unmet), path: a.path,
          riskLevel: a.riskLevel, unmet: a.unmet, itemStyle: { color: RISK_COLOURS[a.riskLevel] || RISK_COLOURS.NONE } })) }]
    }, true);
  }
  refresh();
  setInterval(refresh, 5000);
})();
