<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplyConditions</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyConditions.qml" line="+15"/>
        <source>Who can apply</source>
        <translation>申请条件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What you need</source>
        <translation>需要准备的材料</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, %1 copies</source>
        <translation>，%1份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — if applicable</source>
        <translation> — 如有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — may be brought to the counter later</source>
        <translation> — 可容缺后补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> — e-licence accepted</source>
        <translation> — 可用电子证照</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You will photograph each material on the document camera. Have your ID card ready.</source>
        <translation>材料将在高拍仪上逐页拍摄上传。请准备好身份证。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time limit</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing materials: %1</source>
        <translation>容缺受理：%1</translation>
    </message>
</context>
<context>
    <name>ApplyConsent</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyConsent.qml" line="+14"/>
        <source>Before you submit</source>
        <translation>提交前请阅读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose: %1</source>
        <translation>用途：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to: %1</source>
        <translation>接收方：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept: %1</source>
        <translation>保存期限：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing you entered stays on this kiosk after you finish: the screen is cleared and the stored copy is deleted as soon as the district platform confirms it.</source>
        <translation>办理结束后，您输入的信息不会留在本终端：屏幕会被清空，暂存的加密副本在区政务服务平台确认收到后立即删除。</translation>
    </message>
</context>
<context>
    <name>ApplyDone</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyDone.qml" line="+25"/>
        <source>Saving your application…</source>
        <translation>正在保存您的申请…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your application has been received</source>
        <translation>您的申请已收到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Receipt number %1. Sending it to the district platform…</source>
        <translation>受理回执号 %1，正在提交到区政务服务平台…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number: %1</source>
        <translation>办件编号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt number: %1</source>
        <translation>受理回执号：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting to be uploaded: the network is slow, so the kiosk keeps your application safely and sends it by itself. Use the receipt number to check progress.</source>
        <translation>待上传：网络暂时不畅，终端已安全保存您的申请，恢复后会自动提交。可凭受理回执号查询进度。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing your receipt…</source>
        <translation>正在打印回执…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please take your receipt.</source>
        <translation>请取走您的回执。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer is out of paper. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>打印机缺纸。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The receipt could not be printed. Please photograph the QR code and the number below with your phone. Staff have been told.</source>
        <translation>回执没有打印出来。请用手机拍下下方的二维码和编号。已通知工作人员。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Scan to check progress, or call %1.</source>
        <translation>扫码查询办理进度，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I have taken a photo, continue</source>
        <translation>已拍照，继续</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>ApplyForm</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyForm.qml" line="+16"/>
        <source>Fields filled from your ID card can be changed. Tap a field to type; numbers open the number pad.</source>
        <translation>已根据身份证自动填写的内容可以修改。点击输入框即可输入，数字会打开数字键盘。</translation>
    </message>
</context>
<context>
    <name>ApplyIdentify</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyIdentify.qml" line="+24"/>
        <source>For myself</source>
        <translation>本人办理</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For someone else (proxy)</source>
        <translation>委托代办</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>As a proxy you identify first, then place the applicant&apos;s ID card. A signed letter of authorisation is added to the materials.</source>
        <translation>代办时请代办人先读取身份证，再放申请人的身份证。材料中将增加申请人签字的授权委托书。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Proxy</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, ID %2</source>
        <translation>%1，证件号码 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Proxy: place your ID card on the reader</source>
        <translation>请代办人把身份证放在读卡区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now place the applicant&apos;s ID card on the reader</source>
        <translation>请放申请人（被代办人）的身份证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place your ID card on the reader</source>
        <translation>请把身份证放在读卡区</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keep the card on the reader until your name appears.</source>
        <translation>请保持证件不动，直到屏幕显示您的姓名。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card reader is not working right now.</source>
        <translation>读卡器暂时无法使用。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> You can type your name and ID number below.</source>
        <translation>您可以在下方输入姓名和身份证号码。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> Please ask the station staff.</source>
        <translation>请联系服务站工作人员。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No ID card with you?</source>
        <translation>没有带身份证？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name as on the ID card</source>
        <translation>姓名（与身份证一致）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>18-digit ID number</source>
        <translation>18位身份证号码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A typed identity is checked again at the counter.</source>
        <translation>手工输入的身份信息将在窗口再次核验。</translation>
    </message>
</context>
<context>
    <name>ApplyMaterials</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyMaterials.qml" line="+19"/>
        <source>Lay the page face up under the document camera, then press Photograph. Photograph each page of a material.</source>
        <translation>请把材料正面朝上平放在高拍仪下，然后按“拍摄”。多页材料请逐页拍摄。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo: pages are taken from sample images instead of the document camera.</source>
        <translation>演示模式：用示例图片代替高拍仪拍摄。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (if applicable)</source>
        <translation>（如有）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Retake</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Photographing…</source>
        <translation>正在拍摄…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a page</source>
        <translation>再拍一页</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photograph</source>
        <translation>拍摄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Use e-licence</source>
        <translation>使用电子证照</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bring to counter later</source>
        <translation>到窗口补交</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n page(s) photographed</source>
        <translation>
            <numerusform>已拍摄 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not needed if it does not apply to you</source>
        <translation>不适用可不提供</translation>
    </message>
</context>
<context>
    <name>ApplyRating</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyRating.qml" line="+28"/>
        <source>Please rate this service. Your rating goes to the district with the case number, not your name.</source>
        <translation>请为本次服务评价。评价只与办件编号关联，不含您的姓名。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>What went wrong? (choose any)</source>
        <translation>哪里不满意？（可多选）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Anything else you want to tell us (optional)</source>
        <translation>其他意见（选填）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Send rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Thank you for your rating</source>
        <translation>感谢您的评价</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything you entered has been cleared from this kiosk. Please take your ID card and receipt.</source>
        <translation>您输入的信息已从本终端清除。请带好身份证和回执。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ApplyReview</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyReview.qml" line="+16"/>
        <source>Personal details are hidden. Press and hold a line to see it in full.</source>
        <translation>个人信息已隐藏显示，按住某一行可查看完整内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your application</source>
        <translation>申请内容</translation>
    </message>
</context>
<context>
    <name>ApplyScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ApplyScreen.qml" line="+16"/>
        <source>Before you start</source>
        <translation>办理须知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who is applying</source>
        <translation>确认身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in the form</source>
        <translation>填写申请表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check everything</source>
        <translation>核对信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your personal information</source>
        <translation>个人信息使用说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitting</source>
        <translation>正在提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How did it go?</source>
        <translation>服务评价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank you</source>
        <translation>谢谢</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/AttractScreen.qml" line="+31"/>
        <location line="+22"/>
        <source>Touch the screen to start</source>
        <translation>请触摸屏幕开始办理</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Guides, online applications, progress and appointments</source>
        <translation>办事指南 · 在线申报 · 进度查询 · 预约办理</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../qml/Kiosk/components/CameraPreview.qml" line="+29"/>
        <source>No document camera found. You can still choose to bring materials to the counter, or ask the station staff.</source>
        <translation>没有找到高拍仪。您仍可选择其他方式提供材料，或请服务站工作人员帮助。</translation>
    </message>
</context>
<context>
    <name>ConsultScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ConsultScreen.qml" line="+10"/>
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Government service hotline, every day, around the clock</source>
        <translation>政务服务便民热线（全天24小时）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Staff at this station can help you in person</source>
        <translation>本站工作人员可以当面为您提供帮助</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening hours</source>
        <translation>办公时间</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station telephone</source>
        <translation>服务站电话</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../qml/Kiosk/components/DatePicker.qml" line="+36"/>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose</source>
        <translation>选定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chosen</source>
        <translation>已选定</translation>
    </message>
</context>
<context>
    <name>DeviceIndicator</name>
    <message>
        <location filename="../qml/Kiosk/components/DeviceIndicator.qml" line="+19"/>
        <source>Device status (staff: press and hold)</source>
        <translation>设备状态（工作人员：长按）</translation>
    </message>
</context>
<context>
    <name>DevicePanel</name>
    <message>
        <location filename="../qml/Kiosk/components/DevicePanel.qml" line="+60"/>
        <source>Terminal status</source>
        <translation>终端状态</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>Service catalog: version %1, %n item(s)</source>
        <translation>
            <numerusform>事项目录：版本 %1，共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last update %1: new catalog taken into use</source>
        <translation>%1 更新：已启用新的事项目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check %1: the catalog is up to date</source>
        <translation>%1 检查：事项目录已是最新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check %1: platform not reachable; the stored catalog stays in use</source>
        <translation>%1 检查：无法连接区平台，继续使用已保存的目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update %1: the new catalog was refused; the previous one stays in use</source>
        <translation>%1 更新：新目录未通过校验已被拒绝，继续使用原目录</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Submissions waiting to be uploaded: %1</source>
        <translation>待上传的申请：%1 件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Submissions cannot be sent to the platform: %1. Check the settings and key files, then restart the kiosk.</source>
        <translation>申请无法上传到平台：%1。请检查设置和密钥文件，然后重新启动终端。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused by the platform, kept here: %1 (%2). Please report it to the district platform.</source>
        <translation>被平台退回、保留在本机：%1（%2）。请报区政务服务平台处理。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Photo not shown</source>
        <translation>不显示照片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last card read (masked)</source>
        <translation>最近一次读卡（已脱敏）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(number fails its check digit)</source>
        <translation>（号码校验位不正确）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A receipt did not print. Reprint it for the resident who is waiting, or discard it; it is discarded by itself soon.</source>
        <translation>有一张凭条没有打印出来。请为正在等候的居民补打，或将其丢弃；过一会儿系统也会自动丢弃。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reprint failed receipt</source>
        <translation>补打凭条</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Discard failed receipt</source>
        <translation>丢弃未打印的凭条</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DeviceTexts</name>
    <message>
        <location filename="../qml/Kiosk/components/DeviceTexts.qml" line="+7"/>
        <source>ID card reader</source>
        <translation>身份证读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt printer</source>
        <translation>凭条打印机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code scanner</source>
        <translation>扫码器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready, paper running low</source>
        <translation>正常，纸张即将用完</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready (this connection cannot report paper)</source>
        <translation>正常（此连接方式无法报告纸张状态）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found: check the cable and the port in the settings</source>
        <translation>未找到设备：请检查连接线和设置中的端口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not responding: check the cable and the power</source>
        <translation>设备无响应：请检查连接线和电源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Out of paper: load a new roll</source>
        <translation>缺纸：请装入新的纸卷</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cover open: close the printer cover</source>
        <translation>打印机盖未合上：请合上打印机盖</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Security module (SAM) failed: restart the reader</source>
        <translation>安全模块（SAM）故障：请重启读卡器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardware fault</source>
        <translation>硬件故障</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The ID card reader is not working right now. Please ask the station staff for help.</source>
        <translation>身份证读卡器暂时无法使用，请联系服务站工作人员协助。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt printer is out of paper. Your receipt number and QR code will be shown on the screen instead.</source>
        <translation>凭条打印机缺纸，办理编号和二维码将改为显示在屏幕上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The receipt printer is not working right now. Your receipt number and QR code will be shown on the screen instead.</source>
        <translation>凭条打印机暂时无法使用，办理编号和二维码将改为显示在屏幕上。</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../qml/Kiosk/components/FieldEditor.qml" line="+19"/>
        <source> (optional)</source>
        <translation>（选填）</translation>
    </message>
</context>
<context>
    <name>GroupButton</name>
    <message>
        <location filename="../qml/Kiosk/components/GroupButton.qml" line="+21"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>共%n项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuideScreen.qml" line="+66"/>
        <source>%1 level</source>
        <translation>%1级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply here</source>
        <translation>可在本机申报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>At a glance</source>
        <translation>办理要点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visits needed</source>
        <translation>到现场次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None — all online</source>
        <translation>0次（全程网办）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n visit(s) at most</source>
        <translation>
            <numerusform>最多跑%n次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Promised time</source>
        <translation>承诺办结时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>收费标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statutory time</source>
        <translation>法定办结时限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who can apply</source>
        <translation>受理条件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Service recipients</source>
        <translation>服务对象</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>What to bring (%n item(s))</source>
        <translation>
            <numerusform>所需材料（%n项）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 × %2</source>
        <translation>%1 × %2份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>if applicable</source>
        <translation>按情况提供</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may be handed in later</source>
        <translation>可容缺后补</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-licence accepted</source>
        <translation>可用电子证照</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Handing in later (容缺受理)</source>
        <translation>容缺受理</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steps</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Special steps</source>
        <translation>特殊环节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where and when</source>
        <translation>办理地点和时间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hours</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointments</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ways to apply</source>
        <translation>办理形式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where it can be handled</source>
        <translation>通办范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Questions and complaints</source>
        <translation>咨询与投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask</source>
        <translation>咨询方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complain</source>
        <translation>监督投诉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Frequently asked</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Q: %1</source>
        <translation>问：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A: %1</source>
        <translation>答：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>More about this item</source>
        <translation>更多事项信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item code</source>
        <translation>事项编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>主管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implementing body</source>
        <translation>实施主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>设定依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result sample</source>
        <translation>结果样本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review standard</source>
        <translation>审查标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee basis</source>
        <translation>收费依据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online payment</source>
        <translation>网上支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <translation>物流快递</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take this guide with you</source>
        <translation>扫码带走</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scan with your phone to open this guide.</source>
        <translation>用手机扫一扫，把这份办事指南带回家。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print a short guide</source>
        <translation>打印指南</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing, please wait…</source>
        <translation>正在打印，请稍候…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed. Please take the paper from the printer slot.</source>
        <translation>打印完成，请从出纸口取走。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is out of paper. Please scan the QR code above instead.</source>
        <translation>打印机缺纸，请改为扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The guide could not be printed. Please scan the QR code above instead.</source>
        <translation>指南未能打印，请改为扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer is not available right now. Please scan the QR code above.</source>
        <translation>打印机暂时无法使用，请扫描上方二维码带走指南。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Apply online</source>
        <translation>在线办理</translation>
    </message>
</context>
<context>
    <name>GuidesScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/GuidesScreen.qml" line="+27"/>
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search: type a name, pinyin or initials</source>
        <translation>搜索事项：输入名称、拼音或首字母</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>By theme</source>
        <translation>按主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By level</source>
        <translation>按层级</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading the catalog…</source>
        <translation>正在加载事项目录…</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/HomeScreen.qml" line="+20"/>
        <source>Service guides</source>
        <translation>办事指南</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What to bring, where to go, how long it takes</source>
        <translation>带什么材料、去哪里办、多久办完</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Apply online</source>
        <translation>我要办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Fill in and submit an application here</source>
        <translation>在这里填写并提交申请</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>See how your application is going</source>
        <translation>查看您的申请办到哪一步了</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Appointments</source>
        <translation>预约办理</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Book a time at the service window</source>
        <translation>预约窗口办理时间</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Ask for help</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hotline %1 and station contacts</source>
        <translation>热线 %1 及服务站联系方式</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/IdleOverlay.qml" line="+33"/>
        <source>Do you need more time?</source>
        <translation>还需要继续办理吗？</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>In %n second(s) the kiosk returns to the start and clears what you entered.</source>
        <translation>
            <numerusform>%n 秒后将返回首页，并清除您输入的全部信息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>ItemListScreen</name>
    <message numerus="yes">
        <location filename="../qml/Kiosk/screens/ItemListScreen.qml" line="+31"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>共%n项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../qml/Kiosk/components/ItemRow.qml" line="+55"/>
        <source>No visit needed</source>
        <translation>不用跑</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>At most %n visit(s)</source>
        <translation>
            <numerusform>最多跑%n次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply here</source>
        <translation>可在本机申报</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Kiosk/Main.qml" line="+29"/>
        <source>Community self-service kiosk</source>
        <translation>社区政务服务站自助终端</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Items you can apply for here</source>
        <translation>可在线办理的事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet available</source>
        <translation>暂未开放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This service is not available on this kiosk yet. Please call %1 or ask the station staff.</source>
        <translation>本终端暂未开放此项服务。请拨打 %1 或咨询服务站工作人员。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cannot apply here right now</source>
        <translation>暂时无法在线办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online applications cannot be submitted from this kiosk right now. Please apply at the counter or call %1.</source>
        <translation>本终端暂时无法提交在线申请。请到窗口办理，或拨打 %1。</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Applications cannot be sent from this kiosk right now. Please ask the station staff for help, or apply at the counter.</source>
        <translation>本终端暂时无法上传申请。请找工作人员帮助，或到窗口办理。</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../qml/Kiosk/components/NavBar.qml" line="+32"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Elder mode</source>
        <translation>长辈模式</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../qml/Kiosk/components/NoticeOverlay.qml" line="+63"/>
        <source>OK</source>
        <translation>知道了</translation>
    </message>
</context>
<context>
    <name>ProgressScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/ProgressScreen.qml" line="+13"/>
        <source>Check progress</source>
        <translation>进度查询</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scan the QR code on your receipt, place your ID card on the reader, or type the number on the receipt below together with the last 4 characters of the applicant&apos;s ID number.</source>
        <translation>请扫描回执上的二维码，或把身份证放在读卡器上；也可以在下面输入回执上的编号和申请人证件号码的后4位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress cannot be checked on this kiosk right now. Please call %1.</source>
        <translation>本终端暂时无法查询进度，请拨打 %1 咨询。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Receipt or case number</source>
        <translation>回执号或办件编号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Last 4 characters of the applicant&apos;s ID number:</source>
        <translation>申请人证件号码的后4位：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>e.g. 002X</source>
        <translation>例如 002X</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>X</source>
        <extracomment>The letter X that ends some ID numbers: keep it &quot;X&quot;</extracomment>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type X</source>
        <translation>输入X</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Looking up…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Number: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting to be uploaded: the kiosk sends it as soon as the network is back.</source>
        <translation>待上传：网络恢复后终端会自动提交。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>当前状态：%1</translation>
    </message>
</context>
<context>
    <name>SampleNotice</name>
    <message>
        <location filename="../qml/Kiosk/components/SampleNotice.qml" line="+18"/>
        <source>Sample data — the district platform&apos;s published guide prevails</source>
        <translation>示例数据，以区政务服务平台发布为准</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <location filename="../qml/Kiosk/screens/SearchScreen.qml" line="+32"/>
        <source>Item name, pinyin or initials, e.g. 居住证 / juzhuzheng / jzz</source>
        <translation>事项名称、拼音或首字母，如：居住证 / juzhuzheng / jzz</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Most asked</source>
        <translation>大家常办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing found for “%1”</source>
        <translation>没有找到与“%1”相关的事项</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s) found</source>
        <translation>
            <numerusform>找到%n个事项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Try fewer words or another name. Call %1 or ask the station staff — or pick one of the most asked items below.</source>
        <translation>试试少输几个字或换个说法；也可以拨打%1或询问服务站工作人员，或从下面的常办事项中选择。</translation>
    </message>
</context>
<context>
    <name>StaffPinPad</name>
    <message>
        <location filename="../qml/Kiosk/components/StaffPinPad.qml" line="+17"/>
        <source>Staff PIN</source>
        <translation>管理密码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No staff PIN is set. Set one with: kiosk staff set-pin</source>
        <translation>未设置管理密码，请用 kiosk staff set-pin 设置</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Too many wrong PINs. Please try again in %n minute(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 分钟后再试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many wrong PINs. Please try again in %n second(s).</source>
        <translation>
            <numerusform>密码错误次数过多，请 %n 秒后再试。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PIN could not be checked. Please try again, or restart the kiosk.</source>
        <translation>暂时无法核对密码。请再试一次，或重新启动终端。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Wrong PIN. %n more wrong attempt(s) lock the pad.</source>
        <translation>
            <numerusform>密码错误。再输错 %n 次将暂时锁定。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking…</source>
        <translation>正在核对……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the staff PIN, then press OK.</source>
        <translation>请输入管理密码，然后按“确定”。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>已输入 %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Digit %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../qml/Kiosk/components/StepBar.qml" line="+11"/>
        <source>Start</source>
        <translation>须知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>填表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Materials</source>
        <translation>提交材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>StepFooter</name>
    <message>
        <location filename="../qml/Kiosk/components/StepFooter.qml" line="+29"/>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start applying</source>
        <translation>开始办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is correct</source>
        <translation>核对无误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I agree, submit</source>
        <translation>同意并提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../qml/Kiosk/Words.qml" line="+42"/>
        <source>Something went wrong. Please ask the station staff for help.</source>
        <translation>出现了问题，请联系工作人员协助。</translation>
    </message>
</context>
</TS>
