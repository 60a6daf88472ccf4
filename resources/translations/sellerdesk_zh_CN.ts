<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>%1 (both allow passing the data on)</source>
            <translation>%1（两者都允许再分发）</translation>
        </message>
        <message>
            <source>About SellerDesk</source>
            <translation>关于客户地址管家</translation>
        </message>
        <message>
            <source>Customer Address Manager</source>
            <translation>客户地址管家</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Division codes of the National Bureau of Statistics (as of %1), from the open-source package %2 %3, with SellerDesk's additions (Hong Kong, Macao, Taiwan and recent changes)</source>
            <translation>国家统计局统计用区划代码（截至 %1），取自开源软件包 %2 %3，并由 SellerDesk 补充港澳台和近年的区划调整</translation>
        </message>
        <message>
            <source>License</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>Region data</source>
            <translation>行政区划数据</translation>
        </message>
        <message>
            <source>Region data license</source>
            <translation>行政区划数据许可</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>%1 is not a PostgreSQL server address SellerDesk can use: %2</source>
            <translation>%1 不是可用的 PostgreSQL 服务器地址：%2</translation>
        </message>
        <message>
            <source>SellerDesk cannot start</source>
            <translation>客户地址管家无法启动</translation>
        </message>
        <message>
            <source>SellerDesk is already running.</source>
            <translation>客户地址管家已经在运行。</translation>
        </message>
        <message>
            <source>The data folder cannot be used: %1</source>
            <translation>无法使用数据文件夹：%1</translation>
        </message>
    </context>
    <context>
        <name>AssignDialog</name>
        <message>
            <source>A province given to someone wins over its 大区. Their 我负责的 box shows these customers.</source>
            <translation>单独指定的省份优先于其所在大区。负责人勾选“我负责的”即可看到这些客户。</translation>
        </message>
        <message>
            <source>Assign</source>
            <translation>指定</translation>
        </message>
        <message>
            <source>In charge</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>Who is in charge of a region</source>
            <translation>指定地区负责人</translation>
        </message>
        <message>
            <source>大区 or province</source>
            <translation>大区或省份</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message numerus="yes">
            <source>%n entry(s)</source>
            <translation>
                <numerusform>%n 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>(the newest only: narrow the dates to see older ones)</source>
            <translation>（只显示最新的：缩小日期范围可查看更早的记录）</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>操作记录</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;CSV (*.csv)</source>
            <translation>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Export the audit log</source>
            <translation>导出操作记录</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>已导出到 %1</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who did what and when. The log holds numbers only, never names, phones or addresses.</source>
            <translation>谁在什么时候做了什么。记录里只有编号和数量，从不包含姓名、电话或地址。</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
    </context>
    <context>
        <name>AuditText</name>
        <message>
            <source>A helper's change put back</source>
            <translation>助手的修改已还原</translation>
        </message>
        <message>
            <source>Address added</source>
            <translation>新增地址</translation>
        </message>
        <message>
            <source>Address changed</source>
            <translation>修改地址</translation>
        </message>
        <message>
            <source>Address check undone</source>
            <translation>撤销核对地址</translation>
        </message>
        <message>
            <source>Address checked</source>
            <translation>核对地址</translation>
        </message>
        <message>
            <source>Address deleted</source>
            <translation>删除地址</translation>
        </message>
        <message>
            <source>Address restored</source>
            <translation>恢复地址</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Changed by a helper (old values kept)</source>
            <translation>助手修改（旧值已保留）</translation>
        </message>
        <message>
            <source>Customer added</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <source>Customer changed</source>
            <translation>修改客户</translation>
        </message>
        <message>
            <source>Customers merged</source>
            <translation>合并客户</translation>
        </message>
        <message>
            <source>Default address set</source>
            <translation>设为默认地址</translation>
        </message>
        <message>
            <source>Deleted from the Trash for good</source>
            <translation>从回收站永久删除</translation>
        </message>
        <message>
            <source>Demo customers added</source>
            <translation>添加演示客户</translation>
        </message>
        <message>
            <source>Demo customers removed</source>
            <translation>删除演示客户</translation>
        </message>
        <message>
            <source>Erased for good (personal data)</source>
            <translation>彻底删除（个人信息）</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Feedback opened again</source>
            <translation>反馈重新打开</translation>
        </message>
        <message>
            <source>Feedback solved</source>
            <translation>反馈已解决</translation>
        </message>
        <message>
            <source>Follow-up changed</source>
            <translation>修改回访</translation>
        </message>
        <message>
            <source>Follow-up deleted</source>
            <translation>删除回访</translation>
        </message>
        <message>
            <source>Follow-up done</source>
            <translation>回访完成</translation>
        </message>
        <message>
            <source>Follow-up due again</source>
            <translation>回访重新待办</translation>
        </message>
        <message>
            <source>Follow-up recorded</source>
            <translation>记录回访</translation>
        </message>
        <message>
            <source>Follow-up restored</source>
            <translation>恢复回访</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Marketing consent changed</source>
            <translation>营销同意变更</translation>
        </message>
        <message>
            <source>Merge undone</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Moved to the Trash</source>
            <translation>移到回收站</translation>
        </message>
        <message>
            <source>Order added</source>
            <translation>新建订单</translation>
        </message>
        <message>
            <source>Order changed</source>
            <translation>修改订单</translation>
        </message>
        <message>
            <source>Order deleted</source>
            <translation>删除订单</translation>
        </message>
        <message>
            <source>Order lines replaced (old lines kept)</source>
            <translation>订单明细已替换（旧明细已保留）</translation>
        </message>
        <message>
            <source>Order restored</source>
            <translation>恢复订单</translation>
        </message>
        <message>
            <source>Order status changed</source>
            <translation>订单状态变更</translation>
        </message>
        <message>
            <source>Personal data exported</source>
            <translation>导出个人信息</translation>
        </message>
        <message>
            <source>Points given</source>
            <translation>赠送积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>兑换积分</translation>
        </message>
        <message>
            <source>Points rule changed</source>
            <translation>修改积分规则</translation>
        </message>
        <message>
            <source>Privacy notice changed</source>
            <translation>修改隐私告知</translation>
        </message>
        <message>
            <source>Region given to a team user</source>
            <translation>指定专人负责地区</translation>
        </message>
        <message>
            <source>Region taken back from a team user</source>
            <translation>取消专人负责地区</translation>
        </message>
        <message>
            <source>Restored from a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Restored from the Trash</source>
            <translation>从回收站恢复</translation>
        </message>
        <message>
            <source>Retention period changed</source>
            <translation>修改保留期限</translation>
        </message>
        <message>
            <source>Team user added</source>
            <translation>添加团队成员</translation>
        </message>
        <message>
            <source>Team user removed (login disabled)</source>
            <translation>移除团队成员（登录已停用）</translation>
        </message>
        <message>
            <source>Team user's phones permission changed</source>
            <translation>更改团队成员查看手机号权限</translation>
        </message>
        <message>
            <source>Team user's regions changed</source>
            <translation>更改团队成员负责地区</translation>
        </message>
        <message>
            <source>Team user's role changed</source>
            <translation>更改团队成员角色</translation>
        </message>
        <message>
            <source>Tier by hand cleared</source>
            <translation>取消手动等级</translation>
        </message>
        <message>
            <source>Tier rules changed</source>
            <translation>修改等级规则</translation>
        </message>
        <message>
            <source>Tier set by hand</source>
            <translation>手动设置等级</translation>
        </message>
        <message>
            <source>address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>addresses</source>
            <translation>地址数</translation>
        </message>
        <message>
            <source>backup made</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>count</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>entry</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>fields</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>follow-up</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>given</source>
            <translation>已同意</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>masked</source>
            <translation>隐藏号码</translation>
        </message>
        <message>
            <source>next dates closed</source>
            <translation>完成的待回访</translation>
        </message>
        <message>
            <source>old values kept</source>
            <translation>保留旧值</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开启</translation>
        </message>
        <message>
            <source>order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>orders</source>
            <translation>订单数</translation>
        </message>
        <message>
            <source>phones</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>points/¥100</source>
            <translation>积分/¥100</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>regions</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>regions freed</source>
            <translation>空出的地区</translation>
        </message>
        <message>
            <source>role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>行数</translation>
        </message>
        <message>
            <source>settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>team</source>
            <translation>团队</translation>
        </message>
        <message>
            <source>template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>tiers</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>via</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>was</source>
            <translation>原为</translation>
        </message>
        <message>
            <source>years</source>
            <translation>年数</translation>
        </message>
    </context>
    <context>
        <name>BackupController</name>
        <message>
            <source>&amp;Back up now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Restore from backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
        </message>
        <message>
            <source>A backup or restore is still running. SellerDesk closes when it is done.</source>
            <translation>备份或恢复仍在进行，完成后客户地址管家会自动关闭。</translation>
        </message>
        <message>
            <source>Another SellerDesk is restoring a backup into this data folder. Try again when it has finished.</source>
            <translation>另一个客户地址管家正在向这个数据文件夹恢复备份，请等它完成后再试。</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Backed up just now</source>
            <translation>刚刚已备份</translation>
        </message>
        <message>
            <source>Backing up the current data first…</source>
            <translation>正在先备份当前数据…</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>Backup folders, how many to keep, reminders</source>
            <translation>备份文件夹、保留份数和提醒</translation>
        </message>
        <message>
            <source>Backup settin&amp;gs…</source>
            <translation>备份设置(&amp;G)…</translation>
        </message>
        <message>
            <source>Backup to %1 failed: %2. No partial file was left and older backups are untouched.</source>
            <translation>备份到 %1 失败：%2。没有留下不完整的文件，以前的备份未受影响。</translation>
        </message>
        <message>
            <source>Checking the backup file…</source>
            <translation>正在检查备份文件…</translation>
        </message>
        <message>
            <source>Close without a backup?</source>
            <translation>不备份就关闭吗？</translation>
        </message>
        <message>
            <source>Copying the database…</source>
            <translation>正在复制数据库…</translation>
        </message>
        <message>
            <source>Decrypting and verifying the backup…</source>
            <translation>正在解密并校验备份…</translation>
        </message>
        <message>
            <source>Encrypting and writing the backup…</source>
            <translation>正在加密并写入备份…</translation>
        </message>
        <message numerus="yes">
            <source>Last backup %n day(s) ago</source>
            <translation>
                <numerusform>上次备份在 %n 天前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Last backup %n hour(s) ago</source>
            <translation>
                <numerusform>上次备份在 %n 小时前</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Last backup %n minute(s) ago</source>
            <translation>
                <numerusform>上次备份在 %n 分钟前</numerusform>
            </translation>
        </message>
        <message>
            <source>Last backup: %1
%2</source>
            <translation>上次备份：%1
%2</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>稍后</translation>
        </message>
        <message>
            <source>No backup folder is set. Choose one in the backup settings.</source>
            <translation>还没有设置备份文件夹，请在备份设置中选择一个。</translation>
        </message>
        <message>
            <source>No backup yet</source>
            <translation>尚未备份</translation>
        </message>
        <message>
            <source>Not backed up to %1: it is in the data folder %2, where a backup is lost with the data. Choose another folder in File › Backup settings….</source>
            <translation>没有备份到 %1：它在数据文件夹 %2 里，数据文件夹出问题时里面的备份会一起丢失。请在“文件 › 备份设置…”里另选一个文件夹。</translation>
        </message>
        <message>
            <source>Please wait</source>
            <translation>请稍候</translation>
        </message>
        <message>
            <source>Press Ctrl+B to write your first backup.</source>
            <translation>按 Ctrl+B 进行第一次备份。</translation>
        </message>
        <message>
            <source>Replace your data with a backup (your current data is backed up first)</source>
            <translation>用备份替换当前数据（会先备份当前数据）</translation>
        </message>
        <message>
            <source>Restore complete</source>
            <translation>恢复完成</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>Restored the backup of %1: %2 customers, %3 addresses, %4 orders.</source>
            <translation>已恢复 %1 的备份：%2 位客户，%3 个地址，%4 个订单。</translation>
        </message>
        <message>
            <source>Restoring…</source>
            <translation>正在恢复…</translation>
        </message>
        <message>
            <source>Some backup folders failed</source>
            <translation>部分备份文件夹失败</translation>
        </message>
        <message>
            <source>The backup on exit did not complete. Close SellerDesk anyway?</source>
            <translation>退出时的备份没有完成。仍然关闭客户地址管家吗？</translation>
        </message>
        <message>
            <source>The backup was restored, but it does not open with its key file yet. SellerDesk finishes this at its next start; if this message comes back, restore the backup again.</source>
            <translation>备份已恢复，但还不能用它的密钥文件打开。客户地址管家会在下次启动时完成这一步；如果这条提示再次出现，请重新恢复该备份。</translation>
        </message>
        <message>
            <source>The backup was written to:
%1

but:
%2</source>
            <translation>备份已写入：
%1

但是：
%2</translation>
        </message>
        <message>
            <source>The data it replaced was saved to:
%1</source>
            <translation>被替换的数据已保存到：
%1</translation>
        </message>
        <message>
            <source>The file could not be read or written: %1</source>
            <translation>无法读取或写入文件：%1</translation>
        </message>
        <message>
            <source>The restored data opens with the password or recovery code of the backup.</source>
            <translation>恢复后的数据需要用该备份的主密码或恢复码打开。</translation>
        </message>
        <message>
            <source>This backup file is damaged or was modified, so it cannot be used. Nothing was changed.</source>
            <translation>此备份文件已损坏或被修改，无法使用。没有做任何更改。</translation>
        </message>
        <message>
            <source>This backup needs the master password or the recovery code it was made with.</source>
            <translation>此备份需要制作它时使用的主密码或恢复码。</translation>
        </message>
        <message>
            <source>This backup was made by a newer SellerDesk. Please update SellerDesk; nothing was changed.</source>
            <translation>此备份由更新版本的客户地址管家制作，请先升级软件。没有做任何更改。</translation>
        </message>
        <message>
            <source>This is not a SellerDesk backup file.</source>
            <translation>这不是客户地址管家的备份文件。</translation>
        </message>
        <message>
            <source>Time for a backup</source>
            <translation>该备份了</translation>
        </message>
        <message>
            <source>Updating the restored data to this version…</source>
            <translation>正在把恢复的数据升级到当前版本…</translation>
        </message>
        <message>
            <source>Write an encrypted backup to your backup folders (Ctrl+B)</source>
            <translation>把加密备份写入备份文件夹（Ctrl+B）</translation>
        </message>
        <message>
            <source>Wrong password or recovery code for this backup. Nothing was changed.</source>
            <translation>此备份的密码或恢复码不正确。没有做任何更改。</translation>
        </message>
        <message>
            <source>You have not made a backup yet. A backup keeps your customers safe if this computer is lost or broken.</source>
            <translation>您还没有备份过。电脑丢失或损坏时，备份能保住您的客户资料。</translation>
        </message>
        <message numerus="yes">
            <source>Your last backup was %n day(s) ago.</source>
            <translation>
                <numerusform>您上次备份是在 %n 天前。</numerusform>
            </translation>
        </message>
        <message>
            <source>the drive was removed or failed while writing</source>
            <translation>写入时磁盘被拔出或出错</translation>
        </message>
        <message>
            <source>the file could not be written</source>
            <translation>无法写入文件</translation>
        </message>
        <message>
            <source>the folder cannot be written (read-only or no permission)</source>
            <translation>文件夹无法写入（只读或没有权限）</translation>
        </message>
        <message>
            <source>the folder does not exist (is the drive plugged in?)</source>
            <translation>文件夹不存在（U盘或移动硬盘插好了吗？）</translation>
        </message>
        <message>
            <source>there is not enough free space</source>
            <translation>剩余空间不足</translation>
        </message>
    </context>
    <context>
        <name>BackupSettingsDialog</name>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>%1 is in the data folder: backups skip it. Remove it and add another folder.</source>
            <translation>%1 在数据文件夹里：备份会跳过它。请移除它，再添加另一个文件夹。</translation>
        </message>
        <message>
            <source>Add folder…</source>
            <translation>添加文件夹…</translation>
        </message>
        <message>
            <source>Also keep one backup per month for a year</source>
            <translation>另外保留一年内每月一份备份</translation>
        </message>
        <message>
            <source>Back up when SellerDesk closes</source>
            <translation>关闭客户地址管家时自动备份</translation>
        </message>
        <message>
            <source>Backup settings</source>
            <translation>备份设置</translation>
        </message>
        <message>
            <source>Backups are written to every folder below — for example a USB drive and a cloud-synced folder. With no folder chosen they go to %1.</source>
            <translation>备份会写入下面每个文件夹，例如U盘和云同步文件夹。如果没有选择文件夹，备份会保存到 %1。</translation>
        </message>
        <message>
            <source>Choose a backup folder</source>
            <translation>选择备份文件夹</translation>
        </message>
        <message>
            <source>Keep the newest</source>
            <translation>保留最近的份数</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>Not in the data folder %1: a backup there is lost with it. Choose a USB drive or a cloud-synced folder.</source>
            <translation>不能放在数据文件夹 %1 里：数据文件夹出问题时，里面的备份会一起丢失。请选 U 盘或云同步文件夹。</translation>
        </message>
        <message>
            <source>Remind me when the last backup is older than</source>
            <translation>上次备份超过以下天数时提醒我</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>The settings could not be saved: %1</source>
            <translation>无法保存设置：%1</translation>
        </message>
    </context>
    <context>
        <name>BirthdayField</name>
        <message>
            <source>%1, %2</source>
            <translation>%1年%2</translation>
        </message>
        <message>
            <source>A solar birthday is on file too: %1. Greetings use the lunar one.</source>
            <translation>另存有公历生日：%1。祝福按农历生日发送。</translation>
        </message>
        <message>
            <source>Born in a leap month (闰月)</source>
            <translation>生在闰月</translation>
        </message>
        <message>
            <source>Choose a date</source>
            <translation>选择日期</translation>
        </message>
        <message>
            <source>Leap</source>
            <translation>闰月</translation>
        </message>
        <message>
            <source>Lunar</source>
            <translation>农历</translation>
        </message>
        <message>
            <source>Many customers celebrate a lunar (农历) birthday</source>
            <translation>很多客户过农历生日</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Solar</source>
            <translation>公历</translation>
        </message>
        <message>
            <source>next: %1</source>
            <translation>下次：%1</translation>
        </message>
    </context>
    <context>
        <name>CareText</name>
        <message>
            <source>%1/%2</source>
            <translation>%1月%2日</translation>
        </message>
        <message>
            <source>520</source>
            <translation>520</translation>
        </message>
        <message>
            <source>Christmas</source>
            <translation>圣诞节</translation>
        </message>
        <message>
            <source>Double 11</source>
            <translation>双十一</translation>
        </message>
        <message>
            <source>Double Ninth Festival</source>
            <translation>重阳节</translation>
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation>端午节</translation>
        </message>
        <message>
            <source>Father's Day</source>
            <translation>父亲节</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>反馈</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>In person or by phone</source>
            <translation>口头</translation>
        </message>
        <message>
            <source>Laba Festival</source>
            <translation>腊八节</translation>
        </message>
        <message>
            <source>Labour Day</source>
            <translation>劳动节</translation>
        </message>
        <message>
            <source>Lantern Festival</source>
            <translation>元宵节</translation>
        </message>
        <message>
            <source>Mid-Autumn Festival</source>
            <translation>中秋节</translation>
        </message>
        <message>
            <source>Mother's Day</source>
            <translation>母亲节</translation>
        </message>
        <message>
            <source>National Day</source>
            <translation>国庆节</translation>
        </message>
        <message>
            <source>New Year's Day</source>
            <translation>元旦</translation>
        </message>
        <message>
            <source>New Year's Eve (lunar)</source>
            <translation>除夕</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>方式未知</translation>
        </message>
        <message>
            <source>On paper</source>
            <translation>纸质</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>未解决</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Qixi Festival</source>
            <translation>七夕</translation>
        </message>
        <message>
            <source>SMS</source>
            <translation>短信</translation>
        </message>
        <message>
            <source>Solved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Spring Festival</source>
            <translation>春节</translation>
        </message>
        <message>
            <source>Valentine's Day</source>
            <translation>情人节</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>WeChat chat</source>
            <translation>微信聊天</translation>
        </message>
        <message>
            <source>Winter Solstice</source>
            <translation>冬至</translation>
        </message>
        <message>
            <source>Women's Day</source>
            <translation>妇女节</translation>
        </message>
        <message>
            <source>lunar</source>
            <translation>农历</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
    </context>
    <context>
        <name>CareView</name>
        <message>
            <source> (today)</source>
            <translation>（今天）</translation>
        </message>
        <message>
            <source>%1 follow-up(s) due, %2 open feedback.</source>
            <translation>%1 条到期回访，%2 条未解决反馈。</translation>
        </message>
        <message numerus="yes">
            <source>%n birthday(s) from %1 to %2 — only customers who agreed to marketing.</source>
            <translation>
                <numerusform>%1 至 %2 共 %n 个生日（只列出同意营销的客户）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) agreed to marketing.</source>
            <translation>
                <numerusform>共 %n 位客户同意营销。</numerusform>
            </translation>
        </message>
        <message>
            <source>All tiers</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Birthday greeting for %1 copied.</source>
            <translation>已复制给 %1 的生日祝福。</translation>
        </message>
        <message>
            <source>Birthdays</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Copy greeting</source>
            <translation>复制祝福</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>复制回访消息</translation>
        </message>
        <message>
            <source>Copy the birthday message for this customer, ready for WeChat</source>
            <translation>复制给这位客户的生日祝福，直接粘贴到微信</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已回访</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Feedback from %1 solved.</source>
            <translation>%1 的反馈已解决。</translation>
        </message>
        <message>
            <source>Follow-up message for %1 copied.</source>
            <translation>已复制给 %1 的回访消息。</translation>
        </message>
        <message>
            <source>Follow-up with %1 done.</source>
            <translation>%1 已回访。</translation>
        </message>
        <message>
            <source>Follow-up with %1 recorded.</source>
            <translation>已记录对 %1 的回访。</translation>
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>Holiday</source>
            <translation>节日</translation>
        </message>
        <message>
            <source>Holiday greeting for %1 copied.</source>
            <translation>已复制给 %1 的节日祝福。</translation>
        </message>
        <message>
            <source>Holidays</source>
            <translation>节日</translation>
        </message>
        <message>
            <source>Keeping in touch</source>
            <translation>客户关怀</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Next 30 days</source>
            <translation>未来 30 天</translation>
        </message>
        <message>
            <source>No birthdays in these days among the customers who agreed to marketing.
Add a birthday (solar or lunar) and the consent in the customer's details.</source>
            <translation>这几天没有同意营销的客户过生日。
可以在客户资料里填写生日（公历或农历）和营销同意。</translation>
        </message>
        <message>
            <source>No customer of this tier agreed to marketing yet.</source>
            <translation>这个等级还没有同意营销的客户。</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Nothing to follow up today.
Record follow-ups in the customer's 回访 tab, with a next date.</source>
            <translation>今天没有要回访的。
在客户的“回访”页记录回访并填写下次回访日期。</translation>
        </message>
        <message>
            <source>Open customer</source>
            <translation>打开客户</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Record follow-up…</source>
            <translation>记录回访…</translation>
        </message>
        <message>
            <source>Record what was said; its next date is then done</source>
            <translation>记录说了什么；这次到期的回访随之完成</translation>
        </message>
        <message>
            <source>Solved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>Take it off the list without recording anything</source>
            <translation>不记录内容，直接从名单中移除</translation>
        </message>
        <message>
            <source>The %1 who spent most are shown.</source>
            <translation>显示消费最多的 %1 位。</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>本周</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Both of you changed: %1</source>
            <translation>双方都改了：%1</translation>
        </message>
        <message>
            <source>Changed by someone else</source>
            <translation>已被他人修改</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <source>Reload shows their version and drops your changes. Merge keeps your changed fields on top of theirs; check the form and save again.</source>
            <translation>重新载入：显示对方保存的内容，放弃你的修改。合并：在对方的内容上保留你改过的字段，请检查后再保存。</translation>
        </message>
        <message>
            <source>This customer was changed by %1 (%2).</source>
            <translation>此客户已被 %1 修改（%2）。</translation>
        </message>
        <message>
            <source>This customer was changed by %1.</source>
            <translation>此客户已被 %1 修改。</translation>
        </message>
        <message>
            <source>This customer was changed by another program on this computer (%1).</source>
            <translation>此客户已被本机的另一个程序（如 sellerdesk-cli、导入）修改（%1）。</translation>
        </message>
        <message>
            <source>This customer was changed by another program on this computer.</source>
            <translation>此客户已被本机的另一个程序（如 sellerdesk-cli、导入）修改。</translation>
        </message>
        <message>
            <source>You changed: %1</source>
            <translation>你改了：%1</translation>
        </message>
        <message>
            <source>Your changes were not saved.</source>
            <translation>你的修改还没有保存。</translation>
        </message>
    </context>
    <context>
        <name>ConnectingDialog</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Connecting to the team server %1 was cancelled.</source>
            <translation>已取消连接团队服务器 %1。</translation>
        </message>
        <message>
            <source>Connecting to the team server %1 …</source>
            <translation>正在连接团队服务器 %1 …</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>团队服务器</translation>
        </message>
    </context>
    <context>
        <name>ConsentField</name>
        <message>
            <source>Agreed</source>
            <translation>已同意</translation>
        </message>
        <message>
            <source>Only customers who agreed to marketing appear in the birthday and holiday lists</source>
            <translation>只有同意营销的客户会出现在生日和节日名单里</translation>
        </message>
    </context>
    <context>
        <name>CustomerEditor</name>
        <message>
            <source>%1 (in the Trash)</source>
            <translation>%1（在回收站中）</translation>
        </message>
        <message>
            <source>%1 is also the phone of %2, another customer.</source>
            <translation>%1 也是另一位客户 %2 的电话。</translation>
        </message>
        <message>
            <source>%1 is too long: at most %2 characters. Nothing was saved.</source>
            <translation>%1太长：最多 %2 个字符。未保存。</translation>
        </message>
        <message>
            <source>%1 was merged into this customer.</source>
            <translation>%1 已合并到这位客户。</translation>
        </message>
        <message>
            <source>%1 · re-check due</source>
            <translation>%1 · 待核对</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <source>A customer needs at least a name, a phone or a WeChat ID.</source>
            <translation>客户至少需要姓名、电话或微信号之一。</translation>
        </message>
        <message>
            <source>A mobile number inside a longer number was left alone; check the phone.</source>
            <translation>一串较长的数字里含有手机号，未自动识别，请核对电话。</translation>
        </message>
        <message>
            <source>A place name looks mistyped; check the region.</source>
            <translation>地名疑似有错字，请核对省市区。</translation>
        </message>
        <message>
            <source>A postal code has 6 digits.</source>
            <translation>邮编应为 6 位数字。</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Added to %1 instead of a new customer.</source>
            <translation>已添加到 %1，没有新建客户。</translation>
        </message>
        <message>
            <source>Address %1</source>
            <translation>地址 %1</translation>
        </message>
        <message>
            <source>Address history</source>
            <translation>地址变更记录</translation>
        </message>
        <message>
            <source>Address type</source>
            <translation>地址类型</translation>
        </message>
        <message>
            <source>Addresses</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>An old or everyday place name was read as today's region.</source>
            <translation>旧地名或俗称已按现行行政区识别。</translation>
        </message>
        <message>
            <source>Before → after</source>
            <translation>修改前 → 修改后</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Both changed: %1.</source>
            <translation>双方都改了：%1。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>变更</translation>
        </message>
        <message>
            <source>Changed</source>
            <translation>修改</translation>
        </message>
        <message>
            <source>Check the highlighted fields, then Save.</source>
            <translation>请检查高亮的栏位，然后保存。</translation>
        </message>
        <message>
            <source>Copied: %1</source>
            <translation>已复制：%1</translation>
        </message>
        <message>
            <source>Copy one line</source>
            <translation>复制为一行</translation>
        </message>
        <message>
            <source>Copy the address as one line, ready for a courier's form</source>
            <translation>把地址复制成一行，可直接粘贴到快递单</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Default address</source>
            <translation>默认地址</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>资料</translation>
        </message>
        <message>
            <source>Discard the changes (Esc)</source>
            <translation>放弃修改 (Esc)</translation>
        </message>
        <message>
            <source>Drop your changes to this customer and show the stored version?</source>
            <translation>放弃你对此客户的修改，显示已保存的内容？</translation>
        </message>
        <message>
            <source>Due for a re-check</source>
            <translation>待核对</translation>
        </message>
        <message>
            <source>Fill in</source>
            <translation>识别填入</translation>
        </message>
        <message>
            <source>Fill in from text</source>
            <translation>从文字识别填入</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Goods, prices or payment words were left out of the address:</source>
            <translation>以下商品、价格或付款的话没有放进地址：</translation>
        </message>
        <message>
            <source>Home, office or a word of your own; may stay empty</source>
            <translation>家、公司或自己写的词；可以留空</translation>
        </message>
        <message>
            <source>Last shipped %1</source>
            <translation>上次发货 %1</translation>
        </message>
        <message>
            <source>Mark verified</source>
            <translation>标记已核对</translation>
        </message>
        <message>
            <source>Marketing</source>
            <translation>营销同意</translation>
        </message>
        <message>
            <source>Merged into %1.</source>
            <translation>已合并到 %1。</translation>
        </message>
        <message>
            <source>Merged: your changes are on top of the stored version. Check and save.</source>
            <translation>已合并：你的修改已放在已保存的内容之上。请检查后保存。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新客户</translation>
        </message>
        <message>
            <source>Next re-check %1</source>
            <translation>下次核对 %1</translation>
        </message>
        <message>
            <source>No customer selected</source>
            <translation>未选择客户</translation>
        </message>
        <message>
            <source>No name was found.</source>
            <translation>没有找到姓名。</translation>
        </message>
        <message>
            <source>No phone number was found.</source>
            <translation>没有找到电话号码。</translation>
        </message>
        <message>
            <source>No province, city or district was recognised.</source>
            <translation>没有识别出省、市或区。</translation>
        </message>
        <message>
            <source>Not confirmed within the tier's re-check cycle: check it with the customer</source>
            <translation>超过所属等级的核对周期未确认：请与客户核对</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Not saved: the team server %1 cannot be reached. Your changes are still here; save again when it is back.</source>
            <translation>未保存：无法连接团队服务器 %1。您的修改仍在这里，服务器恢复后请再次保存。</translation>
        </message>
        <message>
            <source>Not sure about this one — please check</source>
            <translation>这一项不太确定，请核对</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Open %1</source>
            <translation>打开 %1</translation>
        </message>
        <message>
            <source>Open the other customer (this form's unsaved changes are asked about)</source>
            <translation>打开另一位客户（这里未保存的修改会先询问）</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Paste what the customer sent, e.g. 张三 13812345678 广东省深圳市南山区科技园1号</source>
            <translation>粘贴客户发来的地址，例如：张三 13812345678 广东省深圳市南山区科技园1号</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Points redeemed.</source>
            <translation>积分已兑换。</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>邮编</translation>
        </message>
        <message>
            <source>Put the form back as it was before the paste</source>
            <translation>把表单恢复到粘贴之前的样子</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>省/市/区</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>重新载入</translation>
        </message>
        <message>
            <source>Reloaded: your changes were dropped.</source>
            <translation>已重新载入：你的修改已放弃。</translation>
        </message>
        <message>
            <source>Replace the selected address instead</source>
            <translation>改为覆盖原来选中的地址</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Save the customer (Ctrl+S)</source>
            <translation>保存客户 (Ctrl+S)</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
        <message>
            <source>Separate with 、 or commas, e.g. VIP、回头客</source>
            <translation>用顿号或逗号分隔，例如 VIP、回头客</translation>
        </message>
        <message>
            <source>Set default</source>
            <translation>设为默认</translation>
        </message>
        <message>
            <source>Several phone numbers were found; the first one was used.</source>
            <translation>找到多个电话号码，已使用第一个。</translation>
        </message>
        <message>
            <source>Smart paste</source>
            <translation>智能粘贴</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>详细地址</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>The city is missing.</source>
            <translation>缺少城市。</translation>
        </message>
        <message>
            <source>The city is not in this province.</source>
            <translation>这个城市不属于该省。</translation>
        </message>
        <message>
            <source>The customer already has this address: it is selected, none was added.</source>
            <translation>客户已经有这个地址：已选中它，没有再添加。</translation>
        </message>
        <message>
            <source>The customer's remarks were kept out of the address and added to Notes.</source>
            <translation>客户的备注没有放进地址，已加到“备注”里。</translation>
        </message>
        <message>
            <source>The district is not in this city.</source>
            <translation>这个区县不属于该市。</translation>
        </message>
        <message>
            <source>The district/county is missing.</source>
            <translation>缺少区/县。</translation>
        </message>
        <message>
            <source>The paste corrects the address that was selected: put it there instead of adding a new one</source>
            <translation>这次粘贴是对原来选中地址的更正：写进那个地址，而不是新增一个</translation>
        </message>
        <message>
            <source>The paste was undone.</source>
            <translation>已撤销这次粘贴。</translation>
        </message>
        <message>
            <source>The pasted address was added as a new address; the others are kept. Check it, then Save.</source>
            <translation>已加为新地址，原地址都保留。核对后请保存。</translation>
        </message>
        <message>
            <source>The phone had an extension; it is not in the phone field.</source>
            <translation>电话带分机号，分机号未填入电话栏。</translation>
        </message>
        <message>
            <source>The phone is a number outside the mainland; it is kept with its country code.</source>
            <translation>电话是境外（港澳台等）号码，已连同国家/地区代码保存。</translation>
        </message>
        <message>
            <source>The phone number does not look right.</source>
            <translation>电话号码看起来不对。</translation>
        </message>
        <message>
            <source>The phone number is missing.</source>
            <translation>缺少电话号码。</translation>
        </message>
        <message>
            <source>The place name fits several regions: pick the right one above.</source>
            <translation>这个地名对应多个地区，请在上方选择正确的一个。</translation>
        </message>
        <message>
            <source>The places named do not belong together; the region was read from the most precise one. Check it.</source>
            <translation>写的省、市、区对不上；已按最具体的一级识别地区，请核对。</translation>
        </message>
        <message>
            <source>The province is missing.</source>
            <translation>缺少省份。</translation>
        </message>
        <message>
            <source>The recipient's name is missing.</source>
            <translation>缺少收件人姓名。</translation>
        </message>
        <message>
            <source>The region code does not match the names.</source>
            <translation>行政区划代码与地名不符。</translation>
        </message>
        <message>
            <source>The street address is missing.</source>
            <translation>缺少详细地址。</translation>
        </message>
        <message>
            <source>The street address looks too short.</source>
            <translation>详细地址看起来太短。</translation>
        </message>
        <message>
            <source>The text fits several places; pick the right one</source>
            <translation>这段文字可能对应多个地区，请选择正确的一个</translation>
        </message>
        <message>
            <source>The text was very long; only its beginning was read.</source>
            <translation>文字太长，只识别了开头部分。</translation>
        </message>
        <message>
            <source>Their %1: %2</source>
            <translation>对方的%1：%2</translation>
        </message>
        <message>
            <source>This city is not known.</source>
            <translation>无法识别这个城市。</translation>
        </message>
        <message>
            <source>This customer was deleted meanwhile.</source>
            <translation>此客户已在此期间被删除。</translation>
        </message>
        <message>
            <source>This district is not known.</source>
            <translation>无法识别这个区县。</translation>
        </message>
        <message>
            <source>This is not a mainland mobile or landline number.</source>
            <translation>这不是中国大陆的手机或座机号码。</translation>
        </message>
        <message>
            <source>This province is not known.</source>
            <translation>无法识别这个省份。</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Tier saved.</source>
            <translation>等级已保存。</translation>
        </message>
        <message>
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Undo paste</source>
            <translation>撤销粘贴</translation>
        </message>
        <message>
            <source>Use the official name of the region.</source>
            <translation>请使用地区的正式名称。</translation>
        </message>
        <message>
            <source>Verification undone</source>
            <translation>已撤销核对</translation>
        </message>
        <message>
            <source>Verified</source>
            <translation>已核对</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>WeChat ID %1 is also that of %2, another customer.</source>
            <translation>微信号 %1 也是另一位客户 %2 的微信号。</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>a new address</source>
            <translation>新地址</translation>
        </message>
        <message>
            <source>address %1</source>
            <translation>地址 %1</translation>
        </message>
        <message>
            <source>✔ Verified on %1</source>
            <translation>✔ 已于 %1 核对</translation>
        </message>
    </context>
    <context>
        <name>CustomerFollowUpsTab</name>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Feedback…</source>
            <translation>反馈…</translation>
        </message>
        <message>
            <source>Follow-up deleted.</source>
            <translation>回访已删除。</translation>
        </message>
        <message>
            <source>Follow-up…</source>
            <translation>回访…</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下次回访</translation>
        </message>
        <message>
            <source>No follow-ups yet.</source>
            <translation>还没有回访记录。</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Open again</source>
            <translation>重新打开</translation>
        </message>
        <message>
            <source>Record a follow-up: a call or a chat, what was said, when to follow up again</source>
            <translation>记录一次回访：电话或聊天、说了什么、下次什么时候再回访</translation>
        </message>
        <message>
            <source>Record feedback from the customer: open until solved</source>
            <translation>记录客户的反馈：解决之前一直是未解决</translation>
        </message>
        <message>
            <source>Solved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>CustomerOrdersTab</name>
        <message>
            <source>%1 edited</source>
            <translation>%1 修改资料</translation>
        </message>
        <message numerus="yes">
            <source>%1 in %n order(s)</source>
            <translation>
                <numerusform>%n 单，共 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 ordered</source>
            <translation>%1 下单</translation>
        </message>
        <message>
            <source>%1: %2 piece(s) in %3 order(s), last on %4</source>
            <translation>%1：共 %2 件，%3 单，最近一次 %4</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Average order</source>
            <translation>平均每单</translation>
        </message>
        <message>
            <source>Buys most</source>
            <translation>常买商品</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Customer profile</source>
            <translation>客户画像</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已签收</translation>
        </message>
        <message>
            <source>Double-click an order to open it</source>
            <translation>双击订单可打开</translation>
        </message>
        <message>
            <source>First order</source>
            <translation>首次下单</translation>
        </message>
        <message>
            <source>How often</source>
            <translation>购买频率</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>近 12 个月</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>最近联系</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>新订单</translation>
        </message>
        <message>
            <source>No orders yet.</source>
            <translation>还没有订单。</translation>
        </message>
        <message>
            <source>Not counted in the totals</source>
            <translation>不计入统计</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Order no. %1</source>
            <translation>订单号 %1</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单数</translation>
        </message>
        <message>
            <source>Orders are recorded from the main window</source>
            <translation>在主窗口中记录订单</translation>
        </message>
        <message>
            <source>Orders cannot be opened in this version of SellerDesk.</source>
            <translation>此版本的客户地址管家无法打开订单。</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待发货</translation>
        </message>
        <message>
            <source>Record an order of this customer</source>
            <translation>为这位客户记录一笔订单</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Save the customer first; then their orders can be recorded here.</source>
            <translation>请先保存客户，之后就可以在这里记录订单。</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>已发货</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Statuses</source>
            <translation>订单状态</translation>
        </message>
        <message>
            <source>The customer is in the Trash: restore them to record an order</source>
            <translation>客户在回收站中：恢复后才能记录订单</translation>
        </message>
        <message>
            <source>The newest %1 of %2 orders (the orders view lists them all).</source>
            <translation>显示最近的 %1 单，共 %2 单（订单视图中有全部订单）。</translation>
        </message>
        <message>
            <source>Total spent</source>
            <translation>累计消费</translation>
        </message>
        <message numerus="yes">
            <source>about every %n day(s)</source>
            <translation>
                <numerusform>约每 %n 天一单</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CustomerPointsTab</name>
        <message>
            <source>%1 (order %2)</source>
            <translation>%1（订单 %2）</translation>
        </message>
        <message>
            <source>%1 point(s) per ¥1 paid (Edit ▸ Tiers and points…)</source>
            <translation>每付 ¥1 得 %1 积分（编辑 ▸ 等级与积分…）</translation>
        </message>
        <message>
            <source>Balance: %1 points</source>
            <translation>积分余额：%1</translation>
        </message>
        <message>
            <source>Earned by an order</source>
            <translation>订单获得</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Redeem…</source>
            <translation>兑换…</translation>
        </message>
        <message>
            <source>Take points off the balance for a gift or a discount</source>
            <translation>用积分兑换礼品或折扣，从余额中扣除</translation>
        </message>
        <message>
            <source>Taken back: the order no longer counts</source>
            <translation>扣回：订单已不计入</translation>
        </message>
        <message>
            <source>The order's amount changed</source>
            <translation>订单金额有变动</translation>
        </message>
        <message>
            <source>What for</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
    </context>
    <context>
        <name>CustomerTableModel</name>
        <message>
            <source>(merged into another customer)</source>
            <translation>（已合并到另一位客户）</translation>
        </message>
        <message>
            <source>Default address</source>
            <translation>默认地址</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>删除时间</translation>
        </message>
        <message>
            <source>Last order</source>
            <translation>最近下单</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>No address yet</source>
            <translation>还没有地址</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单数</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>大区</translation>
        </message>
        <message>
            <source>Remote area (偏远地区)</source>
            <translation>偏远地区</translation>
        </message>
        <message>
            <source>Set by hand: it stays until it is set back to automatic in the customer pane.</source>
            <translation>手动设置：在客户详情中点“恢复自动”之前保持不变。</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>This phone number does not look right; please check it.</source>
            <translation>这个电话号码看起来不对，请核对。</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Total spent</source>
            <translation>累计消费</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
    </context>
    <context>
        <name>CycleSettingsDialog</name>
        <message>
            <source> month(s)</source>
            <translation> 个月</translation>
        </message>
        <message>
            <source>An address is due for a re-check when it was not confirmed within its customer's cycle. A confirmation is a verified stamp, an order delivered to it, or adding or editing it.</source>
            <translation>地址在客户所属等级的周期内没有被确认，就到期待核对。确认包括：标记已核对、有订单签收到这个地址、新建或修改这个地址。</translation>
        </message>
        <message>
            <source>Default: %1; from 1 to %2 months</source>
            <translation>默认：%1；可设 1 到 %2 个月</translation>
        </message>
        <message>
            <source>Each cycle is 1 to %1 months.</source>
            <translation>每个周期可设 1 到 %1 个月。</translation>
        </message>
        <message>
            <source>Re-check cycles</source>
            <translation>核对周期</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>%1 of %2 buyers ordered twice or more</source>
            <translation>%2 位下单客户中 %1 位下单两次及以上</translation>
        </message>
        <message>
            <source>%1 of %2 customers ship to a remote area</source>
            <translation>%2 位客户中 %1 位在偏远地区</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Every address is fresh.</source>
            <translation>所有地址都已核对过。</translation>
        </message>
        <message>
            <source>Last backup</source>
            <translation>最近备份</translation>
        </message>
        <message>
            <source>Last backup %1</source>
            <translation>最近备份于 %1</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从未备份</translation>
        </message>
        <message>
            <source>No backup yet: press Ctrl+B.</source>
            <translation>还没有备份：按 Ctrl+B 备份。</translation>
        </message>
        <message>
            <source>No customers yet.</source>
            <translation>还没有客户。</translation>
        </message>
        <message>
            <source>No customers yet: add or import some.</source>
            <translation>还没有客户：新建或导入一些吧。</translation>
        </message>
        <message>
            <source>No orders yet.</source>
            <translation>还没有订单。</translation>
        </message>
        <message>
            <source>Remote-area share</source>
            <translation>偏远地区占比</translation>
        </message>
        <message>
            <source>Repeat-purchase rate</source>
            <translation>复购率</translation>
        </message>
        <message>
            <source>To re-check</source>
            <translation>待核对地址</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>addresses due for a re-check (Ctrl+4)</source>
            <translation>个地址该与客户核对了（Ctrl+4）</translation>
        </message>
        <message>
            <source>customers (not in the Trash)</source>
            <translation>位客户（不含回收站）</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n 位客户</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s)</source>
            <translation>
                <numerusform>%n 单</numerusform>
            </translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>（未知）</translation>
        </message>
        <message>
            <source>As of %1</source>
            <translation>数据时间 %1</translation>
        </message>
        <message>
            <source>Click a province to see its customers</source>
            <translation>点击省份查看该省客户</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户数</translation>
        </message>
        <message>
            <source>Customers by province (top %1)</source>
            <translation>各省客户（前 %1）</translation>
        </message>
        <message>
            <source>Customers by region</source>
            <translation>各大区客户</translation>
        </message>
        <message>
            <source>New customers per month (24 months)</source>
            <translation>每月新增客户（24 个月）</translation>
        </message>
        <message>
            <source>No customers yet</source>
            <translation>还没有客户</translation>
        </message>
        <message>
            <source>No orders yet</source>
            <translation>还没有订单</translation>
        </message>
        <message>
            <source>Orders by status</source>
            <translation>各状态订单</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf)</source>
            <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf)</translation>
        </message>
        <message>
            <source>Reading the figures…</source>
            <translation>正在读取数据…</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>销售额</translation>
        </message>
        <message>
            <source>Sales per month (24 months)</source>
            <translation>每月销售额（24 个月）</translation>
        </message>
        <message>
            <source>Save as PNG or PDF…</source>
            <translation>保存为 PNG 或 PDF…</translation>
        </message>
        <message>
            <source>Save the overview</source>
            <translation>保存概览</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>已保存到 %1</translation>
        </message>
        <message>
            <source>The figures could not be read: %1</source>
            <translation>无法读取数据：%1</translation>
        </message>
        <message>
            <source>Tiers</source>
            <translation>客户等级</translation>
        </message>
        <message>
            <source>Top 20 customers by spend</source>
            <translation>消费前 20 名客户</translation>
        </message>
        <message>
            <source>Top products (orders)</source>
            <translation>热销商品（订单数）</translation>
        </message>
        <message>
            <source>Where customers are</source>
            <translation>客户分布</translation>
        </message>
        <message>
            <source>overview.png</source>
            <translation>概览.png</translation>
        </message>
    </context>
    <context>
        <name>DueModel</name>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Due since</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Last confirmed</source>
            <translation>上次确认</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Total spent</source>
            <translation>累计消费</translation>
        </message>
    </context>
    <context>
        <name>Duplicates</name>
        <message>
            <source>%1, %2</source>
            <translation>%1、%2</translation>
        </message>
        <message>
            <source>%1, same %2</source>
            <translation>%1，%2相同</translation>
        </message>
        <message>
            <source>Customer %1 is in the Trash; restore them first.</source>
            <translation>客户 %1 在回收站里，请先恢复。</translation>
        </message>
        <message>
            <source>Customer %1 no longer exists.</source>
            <translation>客户 %1 已不存在。</translation>
        </message>
        <message>
            <source>Not undone</source>
            <translation>未撤销</translation>
        </message>
        <message>
            <source>Same %1</source>
            <translation>%1相同</translation>
        </message>
        <message>
            <source>Same WeChat ID</source>
            <translation>微信号相同</translation>
        </message>
        <message>
            <source>Same name</source>
            <translation>同名</translation>
        </message>
        <message>
            <source>Same name at the same address</source>
            <translation>同名同地址</translation>
        </message>
        <message>
            <source>Same phone</source>
            <translation>电话相同</translation>
        </message>
        <message>
            <source>Similar names</source>
            <translation>姓名相近</translation>
        </message>
        <message>
            <source>Similar names, same address</source>
            <translation>姓名相近、地址相同</translation>
        </message>
        <message>
            <source>Similar names, same phone</source>
            <translation>姓名相近、电话相同</translation>
        </message>
        <message>
            <source>This merge can no longer be undone: customer %1 was deleted for good.</source>
            <translation>这次合并已无法撤销：客户 %1 已被彻底删除。</translation>
        </message>
        <message>
            <source>This merge was undone already.</source>
            <translation>这次合并已经撤销过了。</translation>
        </message>
        <message>
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>Undo merge %1 first: it came later and involves the same customers.</source>
            <translation>请先撤销合并 %1：它在后面，涉及同样的客户。</translation>
        </message>
        <message>
            <source>Undo this merge? The merged customers come back as they were, with their addresses and orders.</source>
            <translation>撤销这次合并？被合并的客户会恢复原样，连同他们的地址和订单。</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>电话</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesController</name>
        <message>
            <source>Customers who may be one person: same phone, WeChat ID or address; merge them (Ctrl+Shift+D)</source>
            <translation>可能是同一个人的客户：电话、微信号或地址相同；可以合并（Ctrl+Shift+D）</translation>
        </message>
        <message>
            <source>Find &amp;duplicate customers…</source>
            <translation>查找重复客户(&amp;D)…</translation>
        </message>
        <message numerus="yes">
            <source>Merged %n customer(s). Undo merge is in the customer's pane and under Find duplicate customers.</source>
            <translation>
                <numerusform>已合并 %n 位客户。可在客户详情或“查找重复客户”里撤销合并。</numerusform>
            </translation>
        </message>
        <message>
            <source>The merge was undone.</source>
            <translation>已撤销合并。</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>%1 orders, %2</source>
            <translation>%1 单，%2</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message numerus="yes">
            <source>%n group(s) of customers who may be one person, the likeliest first.</source>
            <translation>
                <numerusform>%n 组可能是同一个人的客户，最可能的在前。</numerusform>
            </translation>
        </message>
        <message>
            <source>Compare the group's customers side by side and merge them</source>
            <translation>并排比较这组客户并合并</translation>
        </message>
        <message>
            <source>Default address</source>
            <translation>默认地址</translation>
        </message>
        <message>
            <source>Find again</source>
            <translation>重新查找</translation>
        </message>
        <message>
            <source>Find duplicate customers</source>
            <translation>查找重复客户</translation>
        </message>
        <message>
            <source>Kept</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>Looking for duplicate customers…</source>
            <translation>正在查找重复客户…</translation>
        </message>
        <message>
            <source>Looking for duplicates…</source>
            <translation>正在查找重复客户…</translation>
        </message>
        <message>
            <source>Merged</source>
            <translation>已合并</translation>
        </message>
        <message>
            <source>Merged into them</source>
            <translation>合并进来的</translation>
        </message>
        <message>
            <source>Merge…</source>
            <translation>合并…</translation>
        </message>
        <message>
            <source>No duplicates found.</source>
            <translation>没有发现重复客户。</translation>
        </message>
        <message>
            <source>Open customer</source>
            <translation>打开客户</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Possible</source>
            <translation>可以撤销</translation>
        </message>
        <message>
            <source>Possible duplicates</source>
            <translation>可能重复</translation>
        </message>
        <message>
            <source>Search cancelled.</source>
            <translation>已取消查找。</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo merge</source>
            <translation>撤销合并</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Why / name</source>
            <translation>原因 / 姓名</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>Erase %1 for good?</source>
            <translation>彻底删除“%1”？</translation>
        </message>
        <message numerus="yes">
            <source>Erase %n customer(s) for good?</source>
            <translation>
                <numerusform>彻底删除 %n 位客户？</numerusform>
            </translation>
        </message>
        <message>
            <source>Erase for good</source>
            <translation>彻底删除</translation>
        </message>
        <message>
            <source>That is not what was asked for; nothing was erased.</source>
            <translation>输入的内容不对，没有删除任何信息。</translation>
        </message>
        <message>
            <source>Their name, phone, WeChat ID, addresses and address history are erased from the database and the search for good; this cannot be undone, not even from the Trash.

Their orders stay for your sales totals, without name, phone or address.

Backups made before still hold them: make a new backup afterwards, and delete older ones if the customer asked you to.</source>
            <translation>姓名、电话、微信号、地址和地址历史将从数据库和搜索中彻底删除，无法撤销，回收站里也找不回。

订单会保留用于销售统计，但不再包含姓名、电话和地址。

以前做的备份里仍有这些信息：删除后请马上做一份新备份；如果客户要求，也请删除旧备份。</translation>
        </message>
        <message>
            <source>Type the customer number %1 to confirm:</source>
            <translation>请输入客户编号 %1 以确认：</translation>
        </message>
        <message>
            <source>Type the customer's name to confirm:</source>
            <translation>请输入客户姓名以确认：</translation>
        </message>
        <message>
            <source>Type the number of customers (%1) to confirm:</source>
            <translation>请输入客户人数（%1）以确认：</translation>
        </message>
        <message>
            <source>customer %1</source>
            <translation>客户 %1</translation>
        </message>
    </context>
    <context>
        <name>ExchangeController</name>
        <message>
            <source>&amp;Export to Excel…</source>
            <translation>导出到 Excel(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Import from Excel/CSV…</source>
            <translation>从 Excel/CSV 导入(&amp;I)…</translation>
        </message>
        <message>
            <source>Export the customers on screen, or a courier template (Ctrl+E)</source>
            <translation>导出当前列表中的客户，或生成快递批量下单表 (Ctrl+E)</translation>
        </message>
        <message>
            <source>Import customers from a spreadsheet (Ctrl+I)</source>
            <translation>从表格导入客户 (Ctrl+I)</translation>
        </message>
    </context>
    <context>
        <name>ExchangeText</name>
        <message>
            <source>%1 cannot be written here (%2). Choose another folder.</source>
            <translation>无法在这里写入 %1（%2）。请另选一个文件夹。</translation>
        </message>
        <message>
            <source>%1 changed while it was being imported: nothing was imported. Close the program that writes it, then import it again.</source>
            <translation>导入过程中 %1 被改动了：没有导入任何内容。请关掉正在写这个文件的程序，再导入一次。</translation>
        </message>
        <message>
            <source>%1 fields the courier may reject:</source>
            <translation>有 %1 处内容快递系统可能不接受：</translation>
        </message>
        <message>
            <source>%1 has no rows of customer data.</source>
            <translation>%1 里没有客户数据行。</translation>
        </message>
        <message>
            <source>%1 has no sheet with that name.</source>
            <translation>%1 中没有这个名称的工作表。</translation>
        </message>
        <message>
            <source>%1 has no visible sheet with data.</source>
            <translation>%1 中没有含数据的可见工作表。</translation>
        </message>
        <message>
            <source>%1 holds binary data (NUL bytes or broken UTF-16), not text: it is not a CSV file, or it is damaged.</source>
            <translation>%1 含有二进制数据（NUL 字节或损坏的 UTF-16），不是文本：它不是 CSV 文件，或者已经损坏。</translation>
        </message>
        <message>
            <source>%1 is damaged or incomplete and cannot be read. Open it in Excel or WPS and save it again.</source>
            <translation>%1 已损坏或不完整，无法读取。请用 Excel 或 WPS 打开后重新保存。</translation>
        </message>
        <message>
            <source>%1 is not UTF-8 or GBK text. Save it from Excel as "CSV UTF-8" and try again.</source>
            <translation>%1 不是 UTF-8 或 GBK 编码的文本。请在 Excel 中另存为“CSV UTF-8”后重试。</translation>
        </message>
        <message>
            <source>%1 is not a file (it is a folder or a device): choose a spreadsheet file.</source>
            <translation>%1 不是文件（它是文件夹或设备）：请选择一个表格文件。</translation>
        </message>
        <message>
            <source>%1 is not a spreadsheet. SellerDesk reads .xlsx, .xls, .ods and .csv files.</source>
            <translation>%1 不是表格文件。客户地址管家可以读取 .xlsx、.xls、.ods 和 .csv 文件。</translation>
        </message>
        <message>
            <source>%1 is protected by a password. Save it without the password and try again.</source>
            <translation>%1 设置了密码。请取消密码保存后重试。</translation>
        </message>
        <message>
            <source>%1 looks like %2 text, not Chinese. Save it from Excel as "CSV UTF-8" and try again.</source>
            <translation>%1 看起来是 %2 编码的文本，不是中文。请在 Excel 中另存为“CSV UTF-8”后重试。</translation>
        </message>
        <message>
            <source>%1 unpacks to far more data than a spreadsheet holds: it is damaged or crafted.</source>
            <translation>%1 解压后的数据量远超正常表格，文件已损坏或被恶意构造。</translation>
        </message>
        <message>
            <source>A customer's data is written as .xlsx or .json files.</source>
            <translation>客户的个人信息只能导出为 .xlsx 或 .json 文件。</translation>
        </message>
        <message>
            <source>A header cell of %1 is %2 characters long, more than a header has (at most 255): choose the header row by hand, or shorten that cell, and try again.</source>
            <translation>%1 的一个表头单元格长达 %2 个字符，超过了表头的长度（最多 255 个）：请手动选择表头行，或缩短这个单元格后重试。</translation>
        </message>
        <message>
            <source>A sheet of %1 spans %2 rows × %3 columns, more than SellerDesk can read. Delete the cells outside your data (or copy the data to a new sheet) and try again.</source>
            <translation>%1 中有一个工作表的范围达 %2 行 × %3 列，超出了客户地址管家能读取的大小。请删除数据以外的单元格（或把数据复制到新工作表）后重试。</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>处理</translation>
        </message>
        <message>
            <source>Address type</source>
            <translation>地址类型</translation>
        </message>
        <message>
            <source>Already there</source>
            <translation>已存在</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Buyer account</source>
            <translation>买家账号</translation>
        </message>
        <message>
            <source>Checking rows…</source>
            <translation>正在检查每一行…</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市</translation>
        </message>
        <message>
            <source>Consent date</source>
            <translation>同意营销日期</translation>
        </message>
        <message>
            <source>Customer No.</source>
            <translation>客户编号</translation>
        </message>
        <message>
            <source>District/county</source>
            <translation>区/县</translation>
        </message>
        <message>
            <source>Exports are written as .xlsx files.</source>
            <translation>导出文件必须是 .xlsx 格式。</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>How consent was given</source>
            <translation>同意营销方式</translation>
        </message>
        <message>
            <source>Line of the order above</source>
            <translation>同一订单的商品行</translation>
        </message>
        <message>
            <source>Looking for duplicates…</source>
            <translation>正在查找重复客户…</translation>
        </message>
        <message>
            <source>Lunar birthday</source>
            <translation>农历生日</translation>
        </message>
        <message>
            <source>Map at least one column to name, phone, WeChat ID or address.</source>
            <translation>请至少把一列对应为姓名、手机、微信号或地址。</translation>
        </message>
        <message>
            <source>Marketing consent</source>
            <translation>同意营销</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Masked phones (138****1234) in %1 rows: kept on the order's ship-to only, not used to find the customer.</source>
            <translation>%1 行的手机号已打码（138****1234）：只保存在订单的收货信息里，不用来查找客户。</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新增</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>新订单</translation>
        </message>
        <message>
            <source>No header row was found in %1. Choose the header row by hand.</source>
            <translation>在 %1 中没有找到表头行，请手动选择表头所在行。</translation>
        </message>
        <message>
            <source>Not imported</source>
            <translation>未导入</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Nothing to export: no customer is in this view.</source>
            <translation>没有可导出的内容：当前列表中没有客户。</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Order: amount paid</source>
            <translation>订单：实付金额</translation>
        </message>
        <message>
            <source>Order: courier</source>
            <translation>订单：快递公司</translation>
        </message>
        <message>
            <source>Order: date</source>
            <translation>订单：下单日期</translation>
        </message>
        <message>
            <source>Order: line amount</source>
            <translation>订单：商品实付</translation>
        </message>
        <message>
            <source>Order: notes</source>
            <translation>订单：备注</translation>
        </message>
        <message>
            <source>Order: order No.</source>
            <translation>订单：订单号</translation>
        </message>
        <message>
            <source>Order: product</source>
            <translation>订单：商品</translation>
        </message>
        <message>
            <source>Order: quantity</source>
            <translation>订单：数量</translation>
        </message>
        <message>
            <source>Order: ship date</source>
            <translation>订单：发货日期</translation>
        </message>
        <message>
            <source>Order: status</source>
            <translation>订单：状态</translation>
        </message>
        <message>
            <source>Order: tracking No.</source>
            <translation>订单：快递单号</translation>
        </message>
        <message>
            <source>Order: unit price</source>
            <translation>订单：单价</translation>
        </message>
        <message>
            <source>Orders: %1 added, %2 already there (not added again), %3 with problems.</source>
            <translation>订单：已导入 %1 个，%2 个已存在（不重复导入），%3 个有问题。</translation>
        </message>
        <message>
            <source>Orders: %1 new, %2 already there (not added again), %3 with problems.</source>
            <translation>订单：新增 %1 个，%2 个已存在（不重复导入），%3 个有问题。</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>邮编</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>正在读取文件…</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <source>Recipient phone</source>
            <translation>收件人电话</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>未导入</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Row %1, %2: %3</source>
            <translation>第 %1 行，%2：%3</translation>
        </message>
        <message>
            <source>Row %2 of %1 opens a quote (") that is not closed where its cell ends, so the rows after it would run together. Fix that quote (or save the file again from Excel) and try again.</source>
            <translation>%1 第 %2 行有一个引号（"）没有在单元格结尾处闭合，后面的行会被并成一格。请修正这个引号（或用 Excel 重新保存该文件）后重试。</translation>
        </message>
        <message>
            <source>Saving customers…</source>
            <translation>正在保存客户…</translation>
        </message>
        <message>
            <source>Second phone</source>
            <translation>备用电话</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>详细地址</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>That courier template does not exist.</source>
            <translation>没有这个快递模板。</translation>
        </message>
        <message>
            <source>That header row is outside the sheet.</source>
            <translation>表头行超出了工作表范围。</translation>
        </message>
        <message>
            <source>The audit log is written as .xlsx or .csv files.</source>
            <translation>操作记录只能导出为 .xlsx 或 .csv 文件。</translation>
        </message>
        <message>
            <source>The courier template is damaged.</source>
            <translation>快递模板文件已损坏。</translation>
        </message>
        <message>
            <source>The file %1 cannot be read.</source>
            <translation>无法读取文件 %1。</translation>
        </message>
        <message>
            <source>The file %1 is empty.</source>
            <translation>文件 %1 是空的。</translation>
        </message>
        <message>
            <source>The file %1 was not found.</source>
            <translation>找不到文件 %1。</translation>
        </message>
        <message>
            <source>The folder %2 does not exist. Choose another place for %1.</source>
            <translation>文件夹 %2 不存在。请为 %1 另选一个位置。</translation>
        </message>
        <message>
            <source>The sheets of %1 together are too big to read. Split it into smaller files.</source>
            <translation>%1 的各工作表合计太大，无法读取。请拆分成几个较小的文件。</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Update</source>
            <translation>更新</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>Whole address</source>
            <translation>完整地址</translation>
        </message>
        <message>
            <source>Writing the spreadsheet…</source>
            <translation>正在写入表格…</translation>
        </message>
        <message>
            <source>a folder has that name</source>
            <translation>已有同名的文件夹</translation>
        </message>
        <message>
            <source>part of the path is a file, not a folder</source>
            <translation>路径中有一段是文件而不是文件夹</translation>
        </message>
        <message>
            <source>the folder does not exist</source>
            <translation>文件夹不存在</translation>
        </message>
        <message>
            <source>the folder exists but no file can be made in it</source>
            <translation>文件夹存在，但不能在里面新建文件</translation>
        </message>
        <message>
            <source>the folder is read-only or belongs to another user</source>
            <translation>文件夹只读，或属于其他用户</translation>
        </message>
        <message>
            <source>… and %1 more</source>
            <translation>…… 还有 %1 处</translation>
        </message>
    </context>
    <context>
        <name>ExistingCustomerDialog</name>
        <message>
            <source>Already a customer</source>
            <translation>已有这位客户</translation>
        </message>
        <message>
            <source>Create anyway</source>
            <translation>仍然新建</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Open them, add this address to them (merge), or create a new customer anyway (a family or a shop may share one phone).</source>
            <translation>打开这位客户，把这个地址加给他（合并），或者仍然新建客户（一家人或一家店可能共用一个电话）。</translation>
        </message>
        <message>
            <source>Open them, merge the two customers, or save anyway.</source>
            <translation>打开这位客户、合并两位客户，或者仍然保存。</translation>
        </message>
        <message>
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
        <message>
            <source>This WeChat ID belongs to %1:</source>
            <translation>这个微信号属于 %1：</translation>
        </message>
        <message>
            <source>This phone belongs to %1:</source>
            <translation>这个电话属于 %1：</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Address (one line)</source>
            <translation>地址（一列）</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose at least one column.</source>
            <translation>请至少选择一列。</translation>
        </message>
        <message>
            <source>Columns:</source>
            <translation>列：</translation>
        </message>
        <message>
            <source>Courier template: %1</source>
            <translation>快递模板：%1</translation>
        </message>
        <message>
            <source>Customers:</source>
            <translation>客户：</translation>
        </message>
        <message>
            <source>Everyone (%1 customers)</source>
            <translation>全部客户（%1 位）</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Export customers</source>
            <translation>导出客户</translation>
        </message>
        <message>
            <source>Exported %1 rows to %2.</source>
            <translation>已导出 %1 行到 %2。</translation>
        </message>
        <message>
            <source>For a file shown to others; a courier needs the full numbers</source>
            <translation>用于给别人看的文件；发给快递的文件需要完整号码</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>Mask phone numbers (138****5678)</source>
            <translation>隐藏电话号码（138****5678）</translation>
        </message>
        <message>
            <source>One row per address (otherwise the default address only)</source>
            <translation>每个地址一行（否则只导出默认地址）</translation>
        </message>
        <message>
            <source>Province, city and district in separate columns</source>
            <translation>省、市、区分列</translation>
        </message>
        <message>
            <source>Save as:</source>
            <translation>保存为：</translation>
        </message>
        <message>
            <source>Spreadsheet (choose the columns)</source>
            <translation>表格（自选列）</translation>
        </message>
        <message>
            <source>The current view (%1 customers)</source>
            <translation>当前列表（%1 位客户）</translation>
        </message>
        <message>
            <source>Untick for a list to read: one row per customer, default address only</source>
            <translation>不勾选时是供阅读的名单：每位客户一行，只有默认地址</translation>
        </message>
        <message>
            <source>customers</source>
            <translation>客户</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Could not create the database</source>
            <translation>无法创建数据库</translation>
        </message>
        <message>
            <source>SellerDesk — first start</source>
            <translation>客户地址管家 — 首次启动</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>Channel</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Edit feedback from %1</source>
            <translation>编辑 %1 的反馈</translation>
        </message>
        <message>
            <source>Edit follow-up with %1</source>
            <translation>编辑对 %1 的回访</translation>
        </message>
        <message>
            <source>Feedback from %1</source>
            <translation>%1 的反馈</translation>
        </message>
        <message>
            <source>Follow up again on</source>
            <translation>下次回访</translation>
        </message>
        <message>
            <source>Follow-up with %1</source>
            <translation>回访 %1</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>The customer is in the Trash: restore them first. Nothing was saved.</source>
            <translation>客户在回收站里：请先恢复。没有保存任何内容。</translation>
        </message>
        <message>
            <source>The next follow-up cannot be before this one. Nothing was saved.</source>
            <translation>下次回访不能早于这次回访，没有保存。</translation>
        </message>
        <message>
            <source>The note is too long (at most %1 characters).</source>
            <translation>内容太长（最多 %1 个字）。</translation>
        </message>
        <message>
            <source>What was said</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>What was said, e.g. 问面膜用得怎么样</source>
            <translation>说了什么，例如：问面膜用得怎么样</translation>
        </message>
        <message>
            <source>Write what was said.</source>
            <translation>请写下说了什么。</translation>
        </message>
        <message>
            <source>e.g. 很满意，想再买两盒</source>
            <translation>例如：很满意，想再买两盒</translation>
        </message>
    </context>
    <context>
        <name>HeaderRowSpin</name>
        <message>
            <source>Found by itself</source>
            <translation>自动识别</translation>
        </message>
        <message>
            <source>The row of the sheet with the column names; the rows above it are titles</source>
            <translation>表格中列名所在的行；它上面的行是标题</translation>
        </message>
    </context>
    <context>
        <name>ImportFilePage</name>
        <message>
            <source>An Excel (.xlsx, .xls), WPS (.ods) or CSV file with one customer per row.</source>
            <translation>每行一位客户的 Excel（.xlsx、.xls）、WPS（.ods）或 CSV 文件。</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <source>File to import</source>
            <translation>要导入的文件</translation>
        </message>
        <message>
            <source>Import customers</source>
            <translation>导入客户</translation>
        </message>
        <message>
            <source>Nothing is saved until the last step; the import is all or nothing.</source>
            <translation>到最后一步才会保存；导入要么全部成功，要么什么都不改。</translation>
        </message>
        <message>
            <source>Spreadsheets (%1)</source>
            <translation>表格文件 (%1)</translation>
        </message>
    </context>
    <context>
        <name>ImportMappingPage</name>
        <message>
            <source>(column %1)</source>
            <translation>（第 %1 列）</translation>
        </message>
        <message>
            <source>A whole-address column is split into province, city, district and street automatically. Order columns (order No., date, amount paid…) add the orders too; set them to “do not import” to add customers only.</source>
            <translation>完整地址列会自动拆分为省、市、区和详细地址。订单列（订单号、日期、实付金额……）会同时导入订单；只想导入客户时，把它们设为“不导入”。</translation>
        </message>
        <message>
            <source>Check what each column holds.</source>
            <translation>请核对每一列的内容。</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>对应列</translation>
        </message>
        <message>
            <source>Each kind of information can come from one column only.</source>
            <translation>每种信息只能对应一列。</translation>
        </message>
        <message>
            <source>First values</source>
            <translation>前几行内容</translation>
        </message>
        <message>
            <source>Import as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <source>— do not import —</source>
            <translation>— 不导入 —</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewPage</name>
        <message>
            <source>%1 new, %2 merged, %3 updated, %4 skipped, %5 rejected (%6 to check)</source>
            <translation>新增 %1，合并 %2，更新 %3，跳过 %4，未导入 %5（需核对 %6）</translation>
        </message>
        <message>
            <source>%1 on row %2 of the file</source>
            <translation>表格第 %2 行的「%1」</translation>
        </message>
        <message>
            <source>%1 possible duplicates (same phone, different name): kept apart, listed below.</source>
            <translation>%1 行可能重复（电话相同、姓名不同）：已分开，见下方列表。</translation>
        </message>
        <message>
            <source>%1 possible duplicates (same phone, different name): merged as chosen, listed below.</source>
            <translation>%1 行可能重复（电话相同、姓名不同）：按设置合并，见下方列表。</translation>
        </message>
        <message>
            <source>Always add a new customer</source>
            <translation>总是新增客户</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Keep them apart and list them as possible duplicates</source>
            <translation>分开保存，列为“可能重复”待核对</translation>
        </message>
        <message>
            <source>Merge them all the same (listed too)</source>
            <translation>仍然合并（也会列出）</translation>
        </message>
        <message>
            <source>Merge: add a new address to the existing customer</source>
            <translation>合并：把新地址加到已有客户</translation>
        </message>
        <message>
            <source>Possible duplicates (可能重复): %1. Choose one to see its row.</source>
            <translation>可能重复：%1 行。点一行可在下表中查看。</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Red rows are not imported, yellow rows are imported and marked 需核对, blue rows are possible duplicates. Nothing has been saved yet.</source>
            <translation>红色行不会导入，黄色行会导入并标记为“需核对”，蓝色行是可能重复的客户。现在还没有保存任何内容。</translation>
        </message>
        <message>
            <source>Row %1: %2, phone %3, same phone as %4: %5</source>
            <translation>第 %1 行：%2，电话 %3，与%4电话相同：%5</translation>
        </message>
        <message>
            <source>Same phone, different name:</source>
            <translation>电话相同、姓名不同：</translation>
        </message>
        <message>
            <source>Skip the row</source>
            <translation>跳过这一行</translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>已停止。</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
        <message>
            <source>The list shows the first %1 of %2 rows; the counts are the whole file's.</source>
            <translation>列表显示全部 %2 行中的前 %1 行；统计数字按整个文件计算。</translation>
        </message>
        <message>
            <source>Update the existing customer</source>
            <translation>更新已有客户</translation>
        </message>
        <message>
            <source>When a customer is already known:</source>
            <translation>客户已存在时：</translation>
        </message>
        <message>
            <source>a new customer</source>
            <translation>另建客户</translation>
        </message>
        <message>
            <source>customer %1 in the database</source>
            <translation>已有客户「%1」</translation>
        </message>
        <message>
            <source>merged</source>
            <translation>已合并</translation>
        </message>
    </context>
    <context>
        <name>ImportRunPage</name>
        <message>
            <source>%1 possible duplicates (same phone, different name) are listed in the problem report.</source>
            <translation>%1 行可能重复（电话相同、姓名不同），已列在问题报告中。</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>取消导入</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Imported: %1 new customers, %2 merged, %3 updated, %4 skipped, %5 rejected. %6 addresses added.</source>
            <translation>已导入：新增客户 %1，合并 %2，更新 %3，跳过 %4，未导入 %5。新增地址 %6 个。</translation>
        </message>
        <message>
            <source>Open the problem report</source>
            <translation>打开问题报告</translation>
        </message>
        <message>
            <source>Rows with problems are listed in %1.</source>
            <translation>有问题的行已列在 %1 中。</translation>
        </message>
        <message>
            <source>The import failed and nothing was changed: %1</source>
            <translation>导入失败，数据没有任何改动：%1</translation>
        </message>
        <message>
            <source>The import was cancelled. Nothing was changed.</source>
            <translation>导入已取消，数据没有任何改动。</translation>
        </message>
    </context>
    <context>
        <name>ImportSheetPage</name>
        <message>
            <source>(hidden)</source>
            <translation>（隐藏）</translation>
        </message>
        <message>
            <source>Header row:</source>
            <translation>表头行：</translation>
        </message>
        <message>
            <source>Hidden sheets are skipped unless you choose one. The header row holds the column names (姓名, 手机, 地址…).</source>
            <translation>隐藏的工作表默认跳过，也可以手动选择。表头行是列名所在的行（姓名、手机、地址…）。</translation>
        </message>
        <message>
            <source>Sheet and header row</source>
            <translation>工作表和表头</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>工作表：</translation>
        </message>
        <message>
            <source>There are no data rows below the header row.</source>
            <translation>表头行下面没有数据行。</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import customers</source>
            <translation>导入客户</translation>
        </message>
    </context>
    <context>
        <name>JobDialog</name>
        <message>
            <source>The export was cancelled; no file was written.</source>
            <translation>导出已取消，没有写入任何文件。</translation>
        </message>
    </context>
    <context>
        <name>JobProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>KeyChangeDialog</name>
        <message>
            <source>Another SellerDesk program changed the key file meanwhile. Nothing was changed; try again.</source>
            <translation>另一个客户地址管家程序刚刚改动了密钥文件。没有做任何更改，请再试一次。</translation>
        </message>
        <message>
            <source>Current master password:</source>
            <translation>当前主密码：</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>没有做任何更改。</translation>
        </message>
        <message>
            <source>SellerDesk already uses a master password.</source>
            <translation>客户地址管家已经在使用主密码。</translation>
        </message>
        <message>
            <source>The key is already kept in the system keyring.</source>
            <translation>密钥已经保存在系统钥匙串中。</translation>
        </message>
        <message>
            <source>The key is kept in the system keyring: there is no password to change.</source>
            <translation>密钥保存在系统钥匙串中，没有可修改的主密码。</translation>
        </message>
        <message>
            <source>The system keyring is locked. Unlock it (log in to your desktop session) and try again. Nothing was changed.</source>
            <translation>系统钥匙串已锁定。请先解锁（登录桌面会话）后再试。没有做任何更改。</translation>
        </message>
        <message>
            <source>Type your current master password (or your recovery code).</source>
            <translation>请输入当前主密码（或恢复码）。</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>正在处理…</translation>
        </message>
        <message>
            <source>Wrong password or recovery code. Nothing was changed.</source>
            <translation>密码或恢复码不对。没有做任何更改。</translation>
        </message>
        <message>
            <source>or the recovery code</source>
            <translation>或输入恢复码</translation>
        </message>
    </context>
    <context>
        <name>KeyringText</name>
        <message>
            <source>No system keyring was found on this computer.</source>
            <translation>这台电脑上没有可用的系统钥匙串。</translation>
        </message>
        <message>
            <source>The only keyring here would store the key unencrypted, so SellerDesk does not use it.</source>
            <translation>这里唯一可用的钥匙串会以明文保存密钥，因此客户地址管家不使用它。</translation>
        </message>
        <message>
            <source>The system keyring does not hold this database's key (for example on a new computer).</source>
            <translation>系统钥匙串中没有这个数据库的密钥（例如换了新电脑）。</translation>
        </message>
        <message>
            <source>The system keyring is locked. Log in to your desktop session and start SellerDesk again.</source>
            <translation>系统钥匙串已锁定。请登录桌面会话后重新启动客户地址管家。</translation>
        </message>
        <message>
            <source>The system keyring reported an error.</source>
            <translation>系统钥匙串报告了一个错误。</translation>
        </message>
    </context>
    <context>
        <name>KeysController</name>
        <message>
            <source>&amp;Change master password…</source>
            <translation>修改主密码(&amp;C)…</translation>
        </message>
        <message>
            <source>Keep the key in the system &amp;keyring…</source>
            <translation>改为把密钥存入系统钥匙串(&amp;K)…</translation>
        </message>
        <message>
            <source>Key kept in the system keyring</source>
            <translation>密钥已存入系统钥匙串</translation>
        </message>
        <message>
            <source>Make a &amp;new recovery code…</source>
            <translation>生成新的恢复码(&amp;N)…</translation>
        </message>
        <message>
            <source>Master password changed</source>
            <translation>主密码已修改</translation>
        </message>
        <message>
            <source>Master password set</source>
            <translation>已设置主密码</translation>
        </message>
        <message>
            <source>Pass&amp;word and recovery code</source>
            <translation>密码和恢复码(&amp;W)</translation>
        </message>
        <message>
            <source>Password and recovery code</source>
            <translation>密码和恢复码</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>恢复码</translation>
        </message>
        <message>
            <source>SellerDesk will ask for the master password at every start. The key was removed from the system keyring.</source>
            <translation>客户地址管家每次启动时都会要求输入主密码。密钥已从系统钥匙串中删除。</translation>
        </message>
        <message>
            <source>SellerDesk will start without asking for a password. The master password no longer opens your data; the recovery code still does.</source>
            <translation>客户地址管家启动时不再要求输入密码。主密码不再能打开数据；恢复码仍然可以。</translation>
        </message>
        <message>
            <source>Show &amp;recovery code…</source>
            <translation>显示恢复码(&amp;R)…</translation>
        </message>
        <message>
            <source>The new master password opens your data from now on. Backups made before still open with the old one: make a new backup now.</source>
            <translation>从现在起用新主密码打开数据。之前做的备份仍然用旧密码打开：请现在做一次新备份。</translation>
        </message>
        <message>
            <source>The team database's password is managed by the server: in team mode there is no master password or recovery code, only your login password on the team server (File › Team server…), which the server's administrator changes.</source>
            <translation>团队数据库的密码由服务器管理：团队模式没有主密码或恢复码，只有你在团队服务器上的登录密码（文件 › 团队服务器…），由服务器管理员修改。</translation>
        </message>
        <message>
            <source>Use a &amp;master password instead of the keyring…</source>
            <translation>改用主密码（不用钥匙串）(&amp;M)…</translation>
        </message>
    </context>
    <context>
        <name>LabelsDialog</name>
        <message numerus="yes">
            <source>%n address(es) were too long for the label and end with “…”; the thermal layout has more room:</source>
            <translation>
                <numerusform>有 %n 个地址太长，标签上放不下，以“…”结尾；热敏标签的空间更大：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) selected: their default address, no items</source>
            <translation>
                <numerusform>已选 %n 位客户：用默认地址，不含物品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n label(s)</source>
            <translation>
                <numerusform>%n 个标签</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n label(s) have no address (write it by hand, or fix the order):</source>
            <translation>
                <numerusform>%n 个标签没有地址（请手写，或先修改订单）：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) selected</source>
            <translation>
                <numerusform>已选 %n 个订单</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n 页</numerusform>
            </translation>
        </message>
        <message>
            <source>(no sender)</source>
            <translation>（不打印寄件人）</translation>
        </message>
        <message>
            <source>A selected order was deleted meanwhile.</source>
            <translation>选中的订单已被删除，请刷新后重选。</translation>
        </message>
        <message>
            <source>A4 sheet, 2 × 7 labels (99 × 38 mm)</source>
            <translation>A4 标签纸，每张 2 × 7 个（99 × 38 毫米）</translation>
        </message>
        <message>
            <source>Cancelled: no file was written.</source>
            <translation>已取消：没有写入文件。</translation>
        </message>
        <message>
            <source>Could not write %1: %2. Nothing was saved.</source>
            <translation>无法写入 %1：%2。没有保存任何文件。</translation>
        </message>
        <message>
            <source>Could not write %1: is the folder writable and the file not open elsewhere?</source>
            <translation>无法写入 %1：文件夹是否可写？文件是否在别的程序中打开？</translation>
        </message>
        <message>
            <source>From</source>
            <translation>寄</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Layout:</source>
            <translation>版式：</translation>
        </message>
        <message>
            <source>Mask phone numbers (138****5678)</source>
            <translation>隐藏电话中间四位（138****5678）</translation>
        </message>
        <message>
            <source>No sender is saved yet: the labels will have none.</source>
            <translation>还没有保存寄件人：标签上将没有寄件人。</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Print labels</source>
            <translation>打印标签</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>保存为 PDF…</translation>
        </message>
        <message>
            <source>Save labels as PDF</source>
            <translation>将标签保存为 PDF</translation>
        </message>
        <message>
            <source>Saved %1 to %2.</source>
            <translation>已将 %1保存到 %2。</translation>
        </message>
        <message>
            <source>Select the orders or customers to print labels for first.</source>
            <translation>请先选择要打印标签的订单或客户。</translation>
        </message>
        <message>
            <source>Sender settings…</source>
            <translation>寄件人设置…</translation>
        </message>
        <message>
            <source>Sender:</source>
            <translation>寄件人：</translation>
        </message>
        <message>
            <source>Sent %1 to the printer.</source>
            <translation>已将 %1发送到打印机。</translation>
        </message>
        <message>
            <source>The printer could not be opened.</source>
            <translation>无法打开打印机。</translation>
        </message>
        <message>
            <source>Thermal label 100 × 150 mm, one a page</source>
            <translation>热敏标签 100 × 150 毫米，每页一个</translation>
        </message>
        <message>
            <source>To</source>
            <translation>收</translation>
        </message>
        <message>
            <source>Your team role shows phones masked</source>
            <translation>你的团队角色只能看到打码的电话</translation>
        </message>
        <message>
            <source>labels</source>
            <translation>标签</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;About SellerDesk</source>
            <translation>关于客户地址管家(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Delete for good…</source>
            <translation>彻底删除(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Edit customer</source>
            <translation>编辑客户(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Mask phone numbers</source>
            <translation>隐藏电话号码(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Message templates…</source>
            <translation>消息模板(&amp;M)…</translation>
        </message>
        <message>
            <source>&amp;New customer</source>
            <translation>新建客户(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Orders</source>
            <translation>订单(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Remote areas…</source>
            <translation>偏远地区(&amp;R)…</translation>
        </message>
        <message>
            <source>&amp;Restore from Trash</source>
            <translation>从回收站恢复(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Trash</source>
            <translation>回收站(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Undo delete orders</source>
            <translation>撤销删除订单(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Undo move to Trash</source>
            <translation>撤销移到回收站(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Add %1 &amp;demo customers</source>
            <translation>添加 %1 位演示客户(&amp;D)</translation>
        </message>
        <message>
            <source>Add a customer (Ctrl+N)</source>
            <translation>添加客户 (Ctrl+N)</translation>
        </message>
        <message>
            <source>Adding demo customers…</source>
            <translation>正在添加演示客户…</translation>
        </message>
        <message>
            <source>Addresses due for a re-check with the customer (Ctrl+4)</source>
            <translation>到期待与客户核对的地址（Ctrl+4）</translation>
        </message>
        <message>
            <source>All tags</source>
            <translation>全部标签</translation>
        </message>
        <message>
            <source>All tiers</source>
            <translation>全部等级</translation>
        </message>
        <message>
            <source>Automatic (system)</source>
            <translation>自动（跟随系统）</translation>
        </message>
        <message>
            <source>Birthdays, holidays and follow-ups due (Ctrl+5)</source>
            <translation>生日、节日和待回访（Ctrl+5）</translation>
        </message>
        <message>
            <source>Bring back the customers just moved to the Trash (Ctrl+Z)</source>
            <translation>找回刚移到回收站的客户 (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Bring back the orders just deleted (Ctrl+Z)</source>
            <translation>恢复刚删除的订单（Ctrl+Z）</translation>
        </message>
        <message>
            <source>Bring the selected customers back</source>
            <translation>恢复选中的客户</translation>
        </message>
        <message numerus="yes">
            <source>Brought back %n customer(s).</source>
            <translation>
                <numerusform>已找回 %n 位客户。</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel editing</source>
            <translation>取消编辑</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>关怀</translation>
        </message>
        <message>
            <source>Clear search and filters</source>
            <translation>清除搜索和筛选</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Customers: %1</source>
            <translation>客户总数：%1</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n customer(s) for good? Their addresses and orders go too. Only a backup can bring them back.</source>
            <translation>
                <numerusform>要彻底删除 %n 位客户吗？他们的地址和订单也会一起删除，只有备份才能找回。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete for good</source>
            <translation>彻底删除</translation>
        </message>
        <message>
            <source>Delete the selected customers from the Trash for good</source>
            <translation>从回收站彻底删除选中的客户</translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n customer(s) for good.</source>
            <translation>
                <numerusform>已彻底删除 %n 位客户。</numerusform>
            </translation>
        </message>
        <message>
            <source>Demo customers</source>
            <translation>演示客户</translation>
        </message>
        <message>
            <source>Discard the changes to the customer being edited?</source>
            <translation>放弃正在编辑的客户的修改吗？</translation>
        </message>
        <message>
            <source>How often each tier's addresses are checked</source>
            <translation>各等级客户的地址多久核对一次</translation>
        </message>
        <message>
            <source>Import Excel…</source>
            <translation>导入 Excel…</translation>
        </message>
        <message>
            <source>In the Trash: %1</source>
            <translation>回收站：%1</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <source>Message templates saved.</source>
            <translation>消息模板已保存。</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>我负责的</translation>
        </message>
        <message>
            <source>Move the selected customers to the Trash (Delete)</source>
            <translation>把选中的客户移到回收站 (Delete)</translation>
        </message>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>移到回收站(&amp;T)</translation>
        </message>
        <message numerus="yes">
            <source>Moved %n customer(s) to the Trash. Ctrl+Z brings them back.</source>
            <translation>
                <numerusform>已把 %n 位客户移到回收站。按 Ctrl+Z 可以找回。</numerusform>
            </translation>
        </message>
        <message>
            <source>New &amp;order…</source>
            <translation>新订单(&amp;O)…</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <source>New customer filled in from the address on the clipboard</source>
            <translation>用剪贴板里的地址新建客户</translation>
        </message>
        <message>
            <source>New from &amp;pasted address</source>
            <translation>从粘贴的地址新建(&amp;P)</translation>
        </message>
        <message>
            <source>New order from pasted te&amp;xt…</source>
            <translation>从粘贴新建订单(&amp;X)…</translation>
        </message>
        <message>
            <source>No customer matches this search or filter.</source>
            <translation>没有符合搜索或筛选条件的客户。</translation>
        </message>
        <message>
            <source>No customers yet — add one, paste an address, or import Excel.</source>
            <translation>还没有客户 — 新建、粘贴地址或导入Excel</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Order recorded.</source>
            <translation>订单已记录。</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Orders &amp;to ship</source>
            <translation>待发货订单(&amp;T)</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>页面</translation>
        </message>
        <message>
            <source>Paste an address</source>
            <translation>粘贴地址</translation>
        </message>
        <message>
            <source>Paste order</source>
            <translation>粘贴订单</translation>
        </message>
        <message>
            <source>Print &amp;labels…</source>
            <translation>打印标签(&amp;L)…</translation>
        </message>
        <message>
            <source>Re-check</source>
            <translation>核对</translation>
        </message>
        <message>
            <source>Re-check &amp;cycles…</source>
            <translation>核对周期(&amp;C)…</translation>
        </message>
        <message>
            <source>Re-check cycles saved.</source>
            <translation>核对周期已保存。</translation>
        </message>
        <message>
            <source>Record an order from the customer's message on the clipboard (Ctrl+Shift+V)</source>
            <translation>用剪贴板里客户发来的消息记录订单（Ctrl+Shift+V）</translation>
        </message>
        <message>
            <source>Record an order; of the selected customer, if one is selected (Ctrl+Shift+N)</source>
            <translation>记录一个订单；选中了客户时记在该客户名下（Ctrl+Shift+N）</translation>
        </message>
        <message>
            <source>Remove demo customers</source>
            <translation>删除演示客户</translation>
        </message>
        <message>
            <source>Remove demo customers…</source>
            <translation>删除演示客户…</translation>
        </message>
        <message numerus="yes">
            <source>Remove the %n demo customer(s)? Your own customers stay.</source>
            <translation>
                <numerusform>删除 %n 个演示客户吗？您自己的客户不受影响。</numerusform>
            </translation>
        </message>
        <message>
            <source>Reset &amp;columns</source>
            <translation>重置列(&amp;C)</translation>
        </message>
        <message numerus="yes">
            <source>Restored %n customer(s).</source>
            <translation>
                <numerusform>已恢复 %n 位客户。</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the customer being edited (Ctrl+S)</source>
            <translation>保存正在编辑的客户 (Ctrl+S)</translation>
        </message>
        <message>
            <source>Search name, phone, WeChat ID, address or pinyin (zs) — Ctrl+F</source>
            <translation>搜索姓名、电话、微信号、地址或拼音首字母 (zs) — Ctrl+F</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>全选(&amp;A)</translation>
        </message>
        <message>
            <source>Selected: %1</source>
            <translation>已选：%1</translation>
        </message>
        <message>
            <source>SellerDesk — Customer Address Manager</source>
            <translation>客户地址管家 SellerDesk</translation>
        </message>
        <message>
            <source>Shipping labels for the selected customers (their default address)</source>
            <translation>为所选客户打印快递标签（用默认地址）</translation>
        </message>
        <message>
            <source>Show 138****5678, for screenshots sent in WeChat (Ctrl+M)</source>
            <translation>显示为 138****5678，方便截图发微信 (Ctrl+M)</translation>
        </message>
        <message>
            <source>Show only customers of this tier</source>
            <translation>只显示这个等级的客户</translation>
        </message>
        <message>
            <source>Show only customers with this tag</source>
            <translation>只显示带这个标签的客户</translation>
        </message>
        <message>
            <source>Show only the customers of the 大区 and provinces you are in charge of</source>
            <translation>只显示我负责的大区和省份的客户</translation>
        </message>
        <message>
            <source>Show the customers (Ctrl+1)</source>
            <translation>显示客户（Ctrl+1）</translation>
        </message>
        <message>
            <source>Show the customers in the Trash</source>
            <translation>显示回收站里的客户</translation>
        </message>
        <message>
            <source>Show the orders (Ctrl+2)</source>
            <translation>显示订单（Ctrl+2）</translation>
        </message>
        <message>
            <source>Show the overview: where customers are, who buys (Ctrl+6)</source>
            <translation>显示概览：客户在哪里、谁在买（Ctrl+6）</translation>
        </message>
        <message>
            <source>Shown: %1</source>
            <translation>显示：%1</translation>
        </message>
        <message>
            <source>T&amp;iers and points…</source>
            <translation>等级与积分(&amp;I)…</translation>
        </message>
        <message>
            <source>The Trash is empty.</source>
            <translation>回收站是空的。</translation>
        </message>
        <message>
            <source>The clipboard is empty: copy an address from WeChat first.</source>
            <translation>剪贴板是空的：请先从微信复制地址。</translation>
        </message>
        <message>
            <source>The customer being edited has unsaved changes. Quit anyway?</source>
            <translation>正在编辑的客户有未保存的修改。仍要退出吗？</translation>
        </message>
        <message>
            <source>The new language is used from the next start of SellerDesk.</source>
            <translation>新的语言将在下次启动客户地址管家时生效。</translation>
        </message>
        <message>
            <source>The orders to ship today (Ctrl+3)</source>
            <translation>今天要发的订单（Ctrl+3）</translation>
        </message>
        <message>
            <source>The places you treat as 偏远地区 (extra freight, no free shipping)</source>
            <translation>你按偏远地区处理的地方（加运费、不包邮）</translation>
        </message>
        <message>
            <source>The tiers could not be brought up to date: %1</source>
            <translation>无法更新会员等级：%1</translation>
        </message>
        <message>
            <source>The wording of the messages copied for WeChat</source>
            <translation>复制到微信的消息的措辞</translation>
        </message>
        <message>
            <source>There are no demo customers.</source>
            <translation>没有演示客户。</translation>
        </message>
        <message>
            <source>Tier names and thresholds, and the points rule</source>
            <translation>等级名称与门槛，以及积分规则</translation>
        </message>
        <message numerus="yes">
            <source>Tiers recomputed: %n customer(s) changed tier.</source>
            <translation>
                <numerusform>等级已重新计算：%n 位客户的等级有变化。</numerusform>
            </translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日</translation>
        </message>
        <message>
            <source>Trash — restore customers or delete them for good. Use View ▸ Trash to go back.</source>
            <translation>回收站 — 可以恢复客户或彻底删除。再次点“视图 ▸ 回收站”返回。</translation>
        </message>
        <message>
            <source>Try with demo customers</source>
            <translation>用演示客户试一试</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>有未保存的修改</translation>
        </message>
        <message>
            <source>What needs doing today (Ctrl+0)</source>
            <translation>今天要做的事（Ctrl+0）</translation>
        </message>
        <message>
            <source>counting…</source>
            <translation>计数中…</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>%1 (set by hand)</source>
            <translation>%1（手动设置）</translation>
        </message>
        <message>
            <source>%1 orders, %2</source>
            <translation>%1 单，%2</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>（空）</translation>
        </message>
        <message>
            <source>Addresses</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>All of them</source>
            <translation>全部合并</translation>
        </message>
        <message>
            <source>All, one after another</source>
            <translation>全部，依次相连</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Choose who is kept and, for each field, whose value they keep. Addresses, orders, points and history of the others move to the one kept; the others go to the Trash. You can undo the merge.</source>
            <translation>选择保留哪一位，并逐项选择保留谁的信息。其他客户的地址、订单、积分和记录都会转到保留的客户名下，其他客户移到回收站。合并可以撤销。</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Given</source>
            <translation>已同意</translation>
        </message>
        <message>
            <source>Keep this one</source>
            <translation>保留这位</translation>
        </message>
        <message>
            <source>Kept</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Marketing consent</source>
            <translation>营销同意</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Merge customers</source>
            <translation>合并客户</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>No address</source>
            <translation>没有地址</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未同意</translation>
        </message>
        <message>
            <source>Not merged</source>
            <translation>未合并</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Tier</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>另有 %1 个</translation>
        </message>
    </context>
    <context>
        <name>MessageKind</name>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Address re-check</source>
            <translation>核对地址</translation>
        </message>
        <message>
            <source>Birthday greeting</source>
            <translation>生日祝福</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>快递</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>回访</translation>
        </message>
        <message>
            <source>Holiday</source>
            <translation>节日</translation>
        </message>
        <message>
            <source>Holiday greeting</source>
            <translation>节日问候</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Shipped notice</source>
            <translation>发货通知</translation>
        </message>
        <message>
            <source>Tracking No.</source>
            <translation>单号</translation>
        </message>
    </context>
    <context>
        <name>ModePage</name>
        <message>
            <source>Either way you will get a recovery code that opens your data and your backups on a new computer.</source>
            <translation>无论哪种方式，您都会得到一个恢复码，可在新电脑上打开您的数据和备份。</translation>
        </message>
        <message>
            <source>Keep the key in the system keyring (recommended: no password to type)</source>
            <translation>把密钥保存在系统钥匙串中（推荐：无需输入密码）</translation>
        </message>
        <message>
            <source>Not available here: %1</source>
            <translation>此处不可用：%1</translation>
        </message>
        <message>
            <source>Use a master password (typed at every start)</source>
            <translation>使用主密码（每次启动时输入）</translation>
        </message>
        <message>
            <source>Welcome to SellerDesk</source>
            <translation>欢迎使用客户地址管家</translation>
        </message>
        <message>
            <source>Your customers' data is encrypted on this computer. Choose how to unlock it.</source>
            <translation>客户资料在这台电脑上加密保存。请选择解锁方式。</translation>
        </message>
    </context>
    <context>
        <name>NewPasswordDialog</name>
        <message>
            <source>Change password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Change the master password</source>
            <translation>修改主密码</translation>
        </message>
        <message>
            <source>New master password:</source>
            <translation>新主密码：</translation>
        </message>
        <message>
            <source>SellerDesk will ask for this password at every start, and the key will be removed from the system keyring. Backups made from now on need this password (or the recovery code).</source>
            <translation>客户地址管家每次启动时都会要求输入这个密码，密钥会从系统钥匙串中删除。从现在起做的备份需要这个密码（或恢复码）才能打开。</translation>
        </message>
        <message>
            <source>The new password is the one in use now. Nothing was changed.</source>
            <translation>新密码和当前密码相同。没有做任何更改。</translation>
        </message>
        <message>
            <source>The new password is the one in use now: type a different one.</source>
            <translation>新密码和当前密码相同：请输入一个不同的密码。</translation>
        </message>
        <message>
            <source>The new password is your recovery code: choose a password of your own. Nothing was changed.</source>
            <translation>新密码就是你的恢复码：请另设一个自己的密码。没有做任何更改。</translation>
        </message>
        <message>
            <source>The old password stops opening your data. Backups made before keep opening with the old password (or the recovery code): make a new backup afterwards.</source>
            <translation>旧密码将不再能打开数据。之前做的备份仍然用旧密码（或恢复码）打开：改完后请做一次新备份。</translation>
        </message>
        <message>
            <source>Three or four words that have nothing to do with you or your shop are strong and easy to remember; names, birthdays, phone numbers and 5201314-style numbers are guessed first.</source>
            <translation>三四个与您本人和店铺无关的词组合起来，既安全又好记；姓名、生日、手机号和 5201314 这类数字会最先被猜到。</translation>
        </message>
        <message>
            <source>Type it again:</source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <source>Use a master password</source>
            <translation>改用主密码</translation>
        </message>
        <message>
            <source>Use password</source>
            <translation>使用主密码</translation>
        </message>
    </context>
    <context>
        <name>NewRecoveryCodeDialog</name>
        <message>
            <source>Do this when the old code may have been seen by someone else. The old code stops opening your data at once. Backups made before keep opening with the old code (they carry the key as it was then): make a new backup afterwards, and delete old backups you no longer trust.</source>
            <translation>如果旧恢复码可能被别人看到过，请生成新的。旧恢复码会立即失效，不能再打开数据。之前做的备份仍然可以用旧恢复码打开（备份里带着当时的密钥）：生成后请做一次新备份，并删除您不再放心的旧备份。</translation>
        </message>
        <message>
            <source>Make a new code</source>
            <translation>生成新恢复码</translation>
        </message>
        <message>
            <source>Make a new recovery code</source>
            <translation>生成新的恢复码</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Default text</source>
            <translation>恢复默认内容</translation>
        </message>
        <message>
            <source>Privacy notice</source>
            <translation>隐私告知</translation>
        </message>
        <message>
            <source>Privacy notice (copied)</source>
            <translation>隐私告知（已复制）</translation>
        </message>
        <message>
            <source>Send this to customers who ask what you keep about them. Edit it to fit your shop; Copy puts it on the clipboard for WeChat.</source>
            <translation>客户问起您保存了哪些信息时，可以把这段话发给他们。可以按自己的情况修改；点“复制”后粘贴到微信即可。</translation>
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <source> or </source>
            <translation> 或 </translation>
        </message>
        <message>
            <source>%1 — order #%2</source>
            <translation>%1 — 订单 #%2</translation>
        </message>
        <message>
            <source>(empty address)</source>
            <translation>（空地址）</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>（无姓名）</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>= items total %1</source>
            <translation>= 商品合计 %1</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add line</source>
            <translation>加一行</translation>
        </message>
        <message>
            <source>Also save the pasted address as a new address of %1</source>
            <translation>同时把粘贴的地址存为 %1 的新地址</translation>
        </message>
        <message>
            <source>Amount paid (¥)</source>
            <translation>实付金额（¥）</translation>
        </message>
        <message>
            <source>Amount paid: </source>
            <translation>实付金额：</translation>
        </message>
        <message>
            <source>An order cannot go from %1 to %2; reopen it first.</source>
            <translation>订单不能从“%1”改为“%2”，请先重新打开。</translation>
        </message>
        <message>
            <source>An order has at most 100 lines.</source>
            <translation>一个订单最多 100 行商品。</translation>
        </message>
        <message>
            <source>As recorded: %1</source>
            <translation>原收货地址：%1</translation>
        </message>
        <message>
            <source>Could not read %1: write each item as 面膜 x2 @39.9, separated by commas.</source>
            <translation>看不懂“%1”：每件商品写成 面膜 x2 @39.9，用逗号隔开。</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>快递公司</translation>
        </message>
        <message>
            <source>Create the customer %1 when saving the order</source>
            <translation>保存订单时新建客户 %1</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认</translation>
        </message>
        <message>
            <source>Edit order</source>
            <translation>编辑订单</translation>
        </message>
        <message>
            <source>Filled in: %1.</source>
            <translation>已填入：%1。</translation>
        </message>
        <message>
            <source>Found customer %1 (%2): the order is recorded for them.</source>
            <translation>找到客户 %1（%2），订单记在此客户名下。</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Items total: %1</source>
            <translation>商品合计：%1</translation>
        </message>
        <message>
            <source>Items total: unknown (a line has no price)</source>
            <translation>商品合计：未知（有商品没填单价）</translation>
        </message>
        <message>
            <source>Line %1: </source>
            <translation>第 %1 行：</translation>
        </message>
        <message>
            <source>Load the latest version</source>
            <translation>载入最新内容</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>新订单</translation>
        </message>
        <message>
            <source>No customer has %1 yet.</source>
            <translation>还没有 %1 的客户。</translation>
        </message>
        <message>
            <source>No name, phone number or WeChat ID was recognised in the text.</source>
            <translation>消息里没有认出姓名、手机号或微信号。</translation>
        </message>
        <message>
            <source>No phone number or WeChat ID in the text, so no customer could be looked up.</source>
            <translation>消息里没有手机号或微信号，无法查找已有客户。</translation>
        </message>
        <message>
            <source>No ship-to address</source>
            <translation>不填收货地址</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Optional, e.g. the shop's order number</source>
            <translation>选填，例如店铺的订单号</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Paste the customer's message, or a phone number or WeChat ID, first.</source>
            <translation>请先粘贴客户的消息，或输入手机号、微信号。</translation>
        </message>
        <message>
            <source>Paste what the customer sent (name, phone, address; WeChat ID, goods and amount too), or type a phone number or WeChat ID to find the customer</source>
            <translation>粘贴客户发来的消息（姓名、电话、地址，也可以带微信号、商品和金额），或输入手机号、微信号查找客户</translation>
        </message>
        <message>
            <source>Pasted address: %1</source>
            <translation>粘贴的地址：%1</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Quick entry: 面膜 x2 @39.9, 护手霜 @25</source>
            <translation>快速录入：面膜 x2 @39.9, 护手霜 @25</translation>
        </message>
        <message>
            <source>Remove line</source>
            <translation>删除行</translation>
        </message>
        <message>
            <source>Save order</source>
            <translation>保存订单</translation>
        </message>
        <message>
            <source>Ship date</source>
            <translation>发货日期</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>收货地址</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小计</translation>
        </message>
        <message>
            <source>The notes have at most 2,000 characters.</source>
            <translation>备注最多 2,000 个字。</translation>
        </message>
        <message>
            <source>The ship date is before the order date.</source>
            <translation>发货日期早于下单日期。</translation>
        </message>
        <message>
            <source>Their WeChat ID %1 is added to their details.</source>
            <translation>会把微信号 %1 补到客户资料里。</translation>
        </message>
        <message>
            <source>Tick “Create the customer” or paste the message of a customer you have.</source>
            <translation>请勾选“新建客户”，或粘贴已有客户的消息。</translation>
        </message>
        <message>
            <source>Tracking no.</source>
            <translation>运单号</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>WeChat %1</source>
            <translation>微信 %1</translation>
        </message>
        <message>
            <source>a product name has at most %1 characters.</source>
            <translation>商品名称最多 %1 个字。</translation>
        </message>
        <message>
            <source>e.g. 128.50</source>
            <translation>例如 128.50</translation>
        </message>
        <message>
            <source>no ship-to address</source>
            <translation>没有收货地址</translation>
        </message>
        <message>
            <source>the amount paid</source>
            <translation>实付金额</translation>
        </message>
        <message>
            <source>the items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>the notes (the customer's remarks)</source>
            <translation>备注（客户的留言）</translation>
        </message>
        <message>
            <source>the order number</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>the product name is missing.</source>
            <translation>缺少商品名称。</translation>
        </message>
        <message>
            <source>the quantity must be a whole number from 1 to 100,000.</source>
            <translation>数量应为 1 到 100,000 的整数。</translation>
        </message>
        <message>
            <source>this customer</source>
            <translation>此客户</translation>
        </message>
    </context>
    <context>
        <name>OrderTableModel</name>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Cancelled and refunded orders do not count toward spend</source>
            <translation>已取消和已退款的订单不计入消费</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>快递</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>客户</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>No order number (order #%1 in SellerDesk)</source>
            <translation>没有订单号（本软件中的订单 #%1）</translation>
        </message>
        <message>
            <source>No ship-to address</source>
            <translation>没有收货地址</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <source>Order no.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Remote area (偏远地区)</source>
            <translation>偏远地区</translation>
        </message>
        <message>
            <source>Ship to</source>
            <translation>收货地区</translation>
        </message>
        <message>
            <source>Shipped on %1</source>
            <translation>%1 发货</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>This column does not sort</source>
            <translation>此列不能排序</translation>
        </message>
        <message>
            <source>Tracking no.</source>
            <translation>运单号</translation>
        </message>
    </context>
    <context>
        <name>OrderText</name>
        <message>
            <source>%1 is not an amount (e.g. 128.50 or ¥1,234.50).</source>
            <translation>“%1”不是金额（例如 128.50 或 ¥1,234.50）。</translation>
        </message>
        <message numerus="yes">
            <source>%n already %1</source>
            <translation>
                <numerusform>%n 个本来就是%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cannot go from %1 to %2</source>
            <translation>
                <numerusform>%n 个不能从“%1”改为“%2”</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not changed: the ship date would be before the order date</source>
            <translation>
                <numerusform>%n 个未改：发货日期会早于下单日期</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) marked %1</source>
            <translation>
                <numerusform>%n 个订单已改为%1</numerusform>
            </translation>
        </message>
        <message>
            <source>.</source>
            <translation>。</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>An amount cannot be negative: %1</source>
            <translation>金额不能为负数：%1</translation>
        </message>
        <message>
            <source>An amount has at most two decimals (分): %1</source>
            <translation>金额最多两位小数（到分）：%1</translation>
        </message>
        <message>
            <source>An order's customer is in the Trash: restore the customer first.</source>
            <translation>有订单的客户在回收站里，请先恢复客户。</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已签收</translation>
        </message>
        <message>
            <source>Enter the amount paid, e.g. 128.50.</source>
            <translation>请填写实付金额，例如 128.50。</translation>
        </message>
        <message>
            <source>No order selected.</source>
            <translation>没有选中订单。</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Order number %1 is already used by a deleted order (#%2).</source>
            <translation>订单号 %1 已被一个已删除的订单（#%2）使用。</translation>
        </message>
        <message>
            <source>Order number %1 is already used by order #%2.</source>
            <translation>订单号 %1 已被订单 #%2 使用。</translation>
        </message>
        <message>
            <source>Refunded</source>
            <translation>已退款</translation>
        </message>
        <message>
            <source>Shipped</source>
            <translation>已发货</translation>
        </message>
        <message>
            <source>Someone else changed this order meanwhile (another window, a helper's computer or an import), so your changes were not saved. Load the latest version and make them again.</source>
            <translation>这个订单刚刚在别处被修改过（另一个窗口、帮手的电脑或导入），你的修改没有保存。请载入最新内容后再改一次。</translation>
        </message>
        <message>
            <source>That address was deleted meanwhile: choose another ship-to address.</source>
            <translation>这个地址刚被删除，请选择其他收货地址。</translation>
        </message>
        <message>
            <source>The amount %1 is too large (at most ¥99,999,999.99).</source>
            <translation>金额 %1 太大（最多 ¥99,999,999.99）。</translation>
        </message>
        <message>
            <source>The ship date is before the order date.</source>
            <translation>发货日期早于下单日期。</translation>
        </message>
        <message>
            <source>This customer is in the Trash: restore them first.</source>
            <translation>此客户在回收站里，请先恢复。</translation>
        </message>
        <message>
            <source>This order or customer no longer exists (deleted for good meanwhile).</source>
            <translation>这个订单或客户已不存在（刚被彻底删除）。</translation>
        </message>
        <message>
            <source>This order was deleted meanwhile: restore it first.</source>
            <translation>这个订单刚被删除，请先恢复。</translation>
        </message>
        <message>
            <source>To ship</source>
            <translation>待发货</translation>
        </message>
    </context>
    <context>
        <name>OrdersView</name>
        <message>
            <source>&amp;Copy ship-to address</source>
            <translation>复制收货地址(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Delete orders</source>
            <translation>删除订单(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit order…</source>
            <translation>编辑订单(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Restore orders</source>
            <translation>恢复订单(&amp;R)</translation>
        </message>
        <message>
            <source>All</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>All couriers</source>
            <translation>全部快递</translation>
        </message>
        <message>
            <source>All dates</source>
            <translation>全部日期</translation>
        </message>
        <message>
            <source>All regions</source>
            <translation>全部地区</translation>
        </message>
        <message numerus="yes">
            <source>Brought back %n order(s).</source>
            <translation>
                <numerusform>已恢复 %n 个订单。</numerusform>
            </translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>清除筛选</translation>
        </message>
        <message>
            <source>Copied the ship-to address.</source>
            <translation>已复制收货地址。</translation>
        </message>
        <message>
            <source>Copied the shipping message.</source>
            <translation>已复制发货通知。</translation>
        </message>
        <message>
            <source>Copied the shipping message; this order has no tracking number yet.</source>
            <translation>已复制发货通知；这个订单还没有运单号。</translation>
        </message>
        <message>
            <source>Copy shipping &amp;message</source>
            <translation>复制发货通知(&amp;M)</translation>
        </message>
        <message>
            <source>Courier</source>
            <translation>快递公司</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n order(s). Ctrl+Z brings them back.</source>
            <translation>
                <numerusform>已删除 %n 个订单。按 Ctrl+Z 可恢复。</numerusform>
            </translation>
        </message>
        <message>
            <source>Deleted orders: %1</source>
            <translation>已删除订单：%1</translation>
        </message>
        <message>
            <source>Deleted orders: select and restore them</source>
            <translation>已删除的订单：选中后可恢复</translation>
        </message>
        <message>
            <source>From … to …</source>
            <translation>自定义日期…</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Mark &amp;shipped…</source>
            <translation>标记为已发货(&amp;S)…</translation>
        </message>
        <message>
            <source>Mark c&amp;ancelled</source>
            <translation>标记为已取消(&amp;A)</translation>
        </message>
        <message>
            <source>Mark deli&amp;vered</source>
            <translation>标记为已签收(&amp;V)</translation>
        </message>
        <message>
            <source>Mark delivered</source>
            <translation>标记已签收</translation>
        </message>
        <message>
            <source>Mark re&amp;funded</source>
            <translation>标记为已退款(&amp;F)</translation>
        </message>
        <message>
            <source>Mark shipped…</source>
            <translation>发货…</translation>
        </message>
        <message>
            <source>More status</source>
            <translation>更多状态</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>新订单</translation>
        </message>
        <message>
            <source>New order from pasted text</source>
            <translation>从粘贴新建订单</translation>
        </message>
        <message>
            <source>No courier yet</source>
            <translation>未填快递</translation>
        </message>
        <message>
            <source>No deleted orders.</source>
            <translation>没有已删除的订单。</translation>
        </message>
        <message>
            <source>No order matches these filters.</source>
            <translation>没有符合筛选条件的订单。</translation>
        </message>
        <message>
            <source>No orders with this status.</source>
            <translation>没有这个状态的订单。</translation>
        </message>
        <message>
            <source>No orders yet — record one with New order (Ctrl+Shift+N) or from a pasted message.</source>
            <translation>还没有订单 — 点“新订单”（Ctrl+Shift+N）或粘贴客户消息来记录。</translation>
        </message>
        <message>
            <source>Nothing to ship: every order has gone out.</source>
            <translation>没有待发货的订单：都已发出。</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <source>Orders shipping to a remote area (偏远地区)</source>
            <translation>发往偏远地区的订单</translation>
        </message>
        <message>
            <source>Orders to ship: today's work</source>
            <translation>待发货：今天要发的订单</translation>
        </message>
        <message>
            <source>Orders: %1</source>
            <translation>订单：%1</translation>
        </message>
        <message>
            <source>Print &amp;labels…</source>
            <translation>打印标签(&amp;L)…</translation>
        </message>
        <message>
            <source>Remote areas</source>
            <translation>偏远地区</translation>
        </message>
        <message>
            <source>Reopen (&amp;back to to-ship)</source>
            <translation>重新打开（改回待发货）(&amp;B)</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message numerus="yes">
            <source>Restored %n order(s).</source>
            <translation>
                <numerusform>已恢复 %n 个订单。</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>Search order or tracking no., product, customer name, phone, WeChat ID</source>
            <translation>搜索订单号、运单号、商品、客户姓名、手机号、微信号</translation>
        </message>
        <message>
            <source>Selected total: %1</source>
            <translation>已选合计：%1</translation>
        </message>
        <message>
            <source>Selected: %1</source>
            <translation>已选：%1</translation>
        </message>
        <message>
            <source>Ship-to region (大区 or province)</source>
            <translation>收货地区（大区或省）</translation>
        </message>
        <message>
            <source>Shown: %1</source>
            <translation>显示：%1</translation>
        </message>
        <message>
            <source>The 发货通知 with the courier and tracking number, for WeChat</source>
            <translation>带快递公司和运单号的发货通知，用于发微信</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>今年</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
    </context>
    <context>
        <name>OsError</name>
        <message>
            <source>File exists</source>
            <translation>文件已存在</translation>
        </message>
        <message>
            <source>Is a directory</source>
            <translation>这是文件夹</translation>
        </message>
        <message>
            <source>No space left on device</source>
            <translation>磁盘空间已满</translation>
        </message>
        <message>
            <source>No such file or directory</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <source>Not a directory</source>
            <translation>不是文件夹</translation>
        </message>
        <message>
            <source>Operation not permitted</source>
            <translation>没有权限（操作不被允许）</translation>
        </message>
        <message>
            <source>Permission denied</source>
            <translation>没有权限</translation>
        </message>
        <message>
            <source>Read-only file system</source>
            <translation>文件系统是只读的</translation>
        </message>
    </context>
    <context>
        <name>PasswordPage</name>
        <message>
            <source>Choose a master password</source>
            <translation>设置主密码</translation>
        </message>
        <message>
            <source>It protects your data and every backup. SellerDesk cannot read them without it.</source>
            <translation>它保护您的数据和每一份备份。没有它，客户地址管家也无法读取。</translation>
        </message>
        <message>
            <source>Master password</source>
            <translation>主密码</translation>
        </message>
        <message>
            <source>Type it again</source>
            <translation>再输入一次</translation>
        </message>
        <message>
            <source>Whoever gets hold of a backup can try passwords on it for as long as they like. Three or four words that have nothing to do with you or your shop are strong and easy to remember; names, birthdays, phone numbers and 5201314-style numbers are guessed first.</source>
            <translation>拿到您备份的人可以不限次数地试密码。用三四个与您本人和店铺都无关的词，既安全又好记；姓名、生日、手机号和 5201314 这类数字会被最先猜到。</translation>
        </message>
    </context>
    <context>
        <name>PasswordShownDialog</name>
        <message>
            <source>%1 is on the team now (%2). Their password is shown only this once: copy it and give it to %1. They type it in 文件 › 团队服务器… on their computer.</source>
            <translation>%1 已加入团队（%2）。其密码只显示这一次：请复制后交给 %1，由其在自己电脑的“文件 › 团队服务器…”中填写。</translation>
        </message>
        <message>
            <source>Copied.</source>
            <translation>已复制。</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Team member added</source>
            <translation>已添加团队成员</translation>
        </message>
    </context>
    <context>
        <name>PhoneEdit</name>
        <message>
            <source>Show this number (masking mode hides it)</source>
            <translation>显示这个号码（隐藏号码模式下默认隐藏）</translation>
        </message>
    </context>
    <context>
        <name>PrivacyController</name>
        <message>
            <source>&amp;Audit log…</source>
            <translation>操作记录(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Erase for good…</source>
            <translation>彻底删除(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Privacy</source>
            <translation>隐私(&amp;P)</translation>
        </message>
        <message>
            <source>Customers with no recent &amp;order…</source>
            <translation>长期未下单的客户(&amp;O)…</translation>
        </message>
        <message>
            <source>E&amp;xport this customer's data…</source>
            <translation>导出该客户的个人信息(&amp;X)…</translation>
        </message>
        <message>
            <source>Erase for good</source>
            <translation>彻底删除</translation>
        </message>
        <message>
            <source>Erase the selected customers' personal data for good; their orders stay without it</source>
            <translation>彻底删除所选客户的个人信息；订单保留但不含个人信息</translation>
        </message>
        <message numerus="yes">
            <source>Erased %n customer(s); their orders stay without personal data. Make a new backup now: only backups made from now on are free of them.</source>
            <translation>
                <numerusform>已彻底删除 %n 位客户；订单保留但已不含个人信息。请现在做一份新备份：只有从现在起做的备份才不含这些信息。</numerusform>
            </translation>
        </message>
        <message>
            <source>Erasing…</source>
            <translation>正在彻底删除…</translation>
        </message>
        <message>
            <source>Everything kept about the selected customer, as .xlsx or JSON</source>
            <translation>把所选客户的全部信息导出为 .xlsx 或 JSON</translation>
        </message>
        <message>
            <source>Everything kept about this customer is in %1. Send it to them only.</source>
            <translation>该客户的全部信息已导出到 %1。请只发给客户本人。</translation>
        </message>
        <message>
            <source>Excel (*.xlsx);;JSON (*.json)</source>
            <translation>Excel 表格 (*.xlsx);;JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>Export a customer's data</source>
            <translation>导出客户的个人信息</translation>
        </message>
        <message>
            <source>Privacy &amp;notice…</source>
            <translation>隐私告知(&amp;N)…</translation>
        </message>
        <message>
            <source>Select one customer first.</source>
            <translation>请先选中一位客户。</translation>
        </message>
        <message>
            <source>customer-%1.xlsx</source>
            <translation>客户-%1.xlsx</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>%1 File</source>
            <translation>%1 文件</translation>
        </message>
        <message>
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>RecheckView</name>
        <message>
            <source>%1 %2 mo.</source>
            <translation>%1 %2 个月</translation>
        </message>
        <message>
            <source>%1 marked verified.</source>
            <translation>%1 的地址已标记为已核对。</translation>
        </message>
        <message numerus="yes">
            <source>%n addresses marked verified.</source>
            <translation>
                <numerusform>已把 %n 个地址标记为已核对。</numerusform>
            </translation>
        </message>
        <message>
            <source>Addresses to re-check</source>
            <translation>待核对地址</translation>
        </message>
        <message>
            <source>Addresses to re-check: %1</source>
            <translation>待核对地址：%1 个</translation>
        </message>
        <message>
            <source>Copy a polite check-your-address message for WeChat</source>
            <translation>复制一条礼貌的核对地址消息，发到微信</translation>
        </message>
        <message>
            <source>Copy message</source>
            <translation>复制消息</translation>
        </message>
        <message>
            <source>Cycles: %1</source>
            <translation>核对周期：%1</translation>
        </message>
        <message>
            <source>Cycles…</source>
            <translation>核对周期…</translation>
        </message>
        <message>
            <source>How often each tier's addresses are checked</source>
            <translation>各等级客户的地址多久核对一次</translation>
        </message>
        <message>
            <source>Mark verified</source>
            <translation>标记已核对</translation>
        </message>
        <message>
            <source>Message copied for %1.</source>
            <translation>已复制给 %1 的消息。</translation>
        </message>
        <message>
            <source>No address is due for a re-check. 🎉</source>
            <translation>没有到期待核对的地址。🎉</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>One customer at a time: the message copied, then verified or changed</source>
            <translation>一次一位客户：先复制消息，再标记已核对或修改</translation>
        </message>
        <message>
            <source>Open customer</source>
            <translation>打开客户</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Walk through the list</source>
            <translation>逐个核对</translation>
        </message>
    </context>
    <context>
        <name>RecoveryCode</name>
        <message>
            <source>%1 — recovery code</source>
            <translation>客户地址管家（%1）恢复码</translation>
        </message>
        <message>
            <source>Keep it away from the computer: on paper in a drawer, or in a password manager. Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat.</source>
            <translation>请与电脑分开保管：写在纸上放进抽屉，或存进密码管理器。不要放在数据文件夹、备份文件夹、云同步文件夹或聊天记录里。</translation>
        </message>
        <message>
            <source>Made on %1 for the database with key id %2.</source>
            <translation>生成于 %1，对应密钥编号为 %2 的数据库。</translation>
        </message>
        <message>
            <source>Not in %1: whoever gets that folder would also get the code that opens it. Choose another place, such as a USB stick you keep apart.</source>
            <translation>不能保存在 %1：谁拿到这个文件夹，也就拿到了打开它的恢复码。请换个地方，比如单独保管的 U 盘。</translation>
        </message>
        <message>
            <source>Not in the synced folder %1: your backups may travel there too. Choose another place, such as a USB stick you keep apart.</source>
            <translation>不能保存在同步文件夹 %1：您的备份可能也会同步到那里。请换个地方，比如单独保管的 U 盘。</translation>
        </message>
        <message>
            <source>This code unlocks your SellerDesk data and every backup of it on any computer, if the master password is forgotten or the system keyring loses the key.</source>
            <translation>如果忘记了主密码或系统钥匙串丢失了密钥，这个恢复码可以在任何电脑上打开您的客户地址管家数据及其所有备份。</translation>
        </message>
    </context>
    <context>
        <name>RecoveryCodeBox</name>
        <message>
            <source>Copied. Paste it where you keep it, then clear the clipboard.</source>
            <translation>已复制。粘贴到保管的地方后，请清空剪贴板。</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>无法保存 %1：%2</translation>
        </message>
        <message>
            <source>Keep it away from this computer: on paper in a drawer, or in a password manager. Not in the data folder, not in the backup folder, not in a cloud-synced folder or a chat: whoever has a backup and this code has all your customers.</source>
            <translation>请与这台电脑分开保管：写在纸上放进抽屉，或存进密码管理器。不要放在数据文件夹、备份文件夹、云同步文件夹或聊天记录里：谁同时拿到备份和这个恢复码，就拿到了您全部的客户资料。</translation>
        </message>
        <message>
            <source>Print the recovery code</source>
            <translation>打印恢复码</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Recovery code</source>
            <translation>恢复码</translation>
        </message>
        <message>
            <source>Save as text file…</source>
            <translation>保存为文本文件…</translation>
        </message>
        <message>
            <source>Save the recovery code</source>
            <translation>保存恢复码</translation>
        </message>
        <message>
            <source>Saved as %1.</source>
            <translation>已保存为 %1。</translation>
        </message>
        <message>
            <source>Saved as %1. Move it somewhere safe, away from this computer.</source>
            <translation>已保存为 %1。请把它移到与这台电脑分开的安全地方。</translation>
        </message>
        <message>
            <source>SellerDesk recovery code.txt</source>
            <translation>客户地址管家恢复码.txt</translation>
        </message>
        <message>
            <source>Sent to the printer.</source>
            <translation>已发送到打印机。</translation>
        </message>
        <message>
            <source>Text file (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <source>The folder %1 does not exist.</source>
            <translation>文件夹 %1 不存在。</translation>
        </message>
    </context>
    <context>
        <name>RecoveryCodeDialog</name>
        <message>
            <source>Recovery code</source>
            <translation>恢复码</translation>
        </message>
        <message>
            <source>This code unlocks your data and every backup on a new computer if the master password is forgotten or the system keyring loses the key. You can see it here again while SellerDesk is unlocked.</source>
            <translation>如果忘记了主密码或系统钥匙串丢失了密钥，这个恢复码可以在新电脑上打开您的数据和所有备份。客户地址管家解锁后，随时可以在这里再次查看。</translation>
        </message>
        <message>
            <source>This is your new recovery code. The old one no longer opens your data; backups made before still open with the old one, so make a new backup now.</source>
            <translation>这是您的新恢复码。旧恢复码不再能打开数据；之前做的备份仍然用旧恢复码打开，所以请现在做一次新备份。</translation>
        </message>
        <message>
            <source>Your new recovery code</source>
            <translation>您的新恢复码</translation>
        </message>
    </context>
    <context>
        <name>RecoveryPage</name>
        <message>
            <source>A team window has no Show recovery code. To see this code again, open the data on this computer (File › Team server…: untick opening the team database at start, then restart SellerDesk) and use Help → Show recovery code there.</source>
            <translation>团队窗口里没有“显示恢复码”。要再次查看这个恢复码，请打开本机数据（文件 › 团队服务器…：取消勾选“启动时打开团队数据库”，然后重新启动客户地址管家），再在那里使用“帮助 → 显示恢复码”。</translation>
        </message>
        <message>
            <source>I have written down the recovery code</source>
            <translation>我已抄下恢复码</translation>
        </message>
        <message>
            <source>If this computer breaks or the keyring forgets the key, this code unlocks your data and every backup on a new computer. Without it and without the password, nobody — not even us — can recover the data.</source>
            <translation>如果这台电脑坏了或钥匙串丢失了密钥，这个恢复码可以在新电脑上解锁您的数据和所有备份。没有它也没有密码，任何人（包括我们）都无法恢复数据。</translation>
        </message>
        <message>
            <source>If you forget the master password or this computer breaks, this code unlocks your data and every backup on a new computer. Without the password and without this code, nobody — not even us — can recover the data.</source>
            <translation>如果忘记了主密码或这台电脑坏了，这个恢复码可以在新电脑上解锁您的数据和所有备份。没有密码也没有恢复码，任何人（包括我们）都无法恢复数据。</translation>
        </message>
        <message>
            <source>While SellerDesk is unlocked, Help → Show recovery code shows it again.</source>
            <translation>客户地址管家解锁后，可以在“帮助 → 显示恢复码”中再次查看。</translation>
        </message>
        <message>
            <source>Write it down, print it or save it, and keep it somewhere safe.</source>
            <translation>请抄下、打印或保存下来，并妥善保管。</translation>
        </message>
        <message>
            <source>Your recovery code</source>
            <translation>您的恢复码</translation>
        </message>
    </context>
    <context>
        <name>RedeemDialog</name>
        <message>
            <source>%1 has %2 points.</source>
            <translation>%1现有 %2 积分。</translation>
        </message>
        <message>
            <source>For</source>
            <translation>用途</translation>
        </message>
        <message>
            <source>Only %1 points are left: %2 cannot be redeemed. Nothing was changed.</source>
            <translation>积分余额只有 %1，不能兑换 %2。没有做任何改动。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Redeem</source>
            <translation>兑换</translation>
        </message>
        <message>
            <source>Redeem points</source>
            <translation>兑换积分</translation>
        </message>
        <message>
            <source>What they were exchanged for, e.g. 护手霜 gift</source>
            <translation>兑换了什么，例如：赠送护手霜</translation>
        </message>
        <message>
            <source>Write what the points were exchanged for.</source>
            <translation>请写明积分兑换了什么。</translation>
        </message>
    </context>
    <context>
        <name>RegionTree</name>
        <message numerus="yes">
            <source>%n customer(s)</source>
            <translation>
                <numerusform>%n 个客户</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) matching the search and filters</source>
            <translation>
                <numerusform>%n 个客户符合搜索和筛选</numerusform>
            </translation>
        </message>
        <message>
            <source>(city unknown)</source>
            <translation>（城市未知）</translation>
        </message>
        <message>
            <source>Address incomplete</source>
            <translation>地址不完整</translation>
        </message>
        <message>
            <source>All customers</source>
            <translation>全部客户</translation>
        </message>
        <message>
            <source>All matching</source>
            <translation>全部匹配</translation>
        </message>
        <message>
            <source>Customers whose default address is in a remote area (偏远地区); the list is under Edit ▸ Remote areas…</source>
            <translation>默认地址在偏远地区的客户；名单在“编辑 ▸ 偏远地区…”中修改</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Remote areas</source>
            <translation>偏远地区</translation>
        </message>
        <message>
            <source>The numbers count the customers the search and filters let through.</source>
            <translation>数字只计符合当前搜索和筛选的客户。</translation>
        </message>
    </context>
    <context>
        <name>RemoteAreasDialog</name>
        <message>
            <source>Common choices</source>
            <translation>常用选项</translation>
        </message>
        <message>
            <source>More places, one per line (a province, a city or a county):</source>
            <translation>其他地方，每行一个（省、市或区县）：</translation>
        </message>
        <message>
            <source>Orders and customers in these places are marked 偏远地区 in the tables, the region tree, the order filter and the export summary. There is no official list: set it to match your freight rules.</source>
            <translation>这些地方的客户和订单会在表格、地区树、订单筛选和导出摘要中标为“偏远地区”。偏远地区没有官方名单，请按你自己的运费规则设置。</translation>
        </message>
        <message>
            <source>Remote areas</source>
            <translation>偏远地区</translation>
        </message>
        <message>
            <source>Restore the default list</source>
            <translation>恢复默认名单</translation>
        </message>
        <message>
            <source>Too many entries (at most %1).</source>
            <translation>条目太多（最多 %1 个）。</translation>
        </message>
        <message>
            <source>e.g. 四川省甘孜藏族自治州
阿坝州
青海省玉树藏族自治州</source>
            <translation>例如：四川省甘孜藏族自治州
阿坝州
青海省玉树藏族自治州</translation>
        </message>
        <message>
            <source>“%1” is not a province, city or county we know.</source>
            <translation>“%1”不是已知的省、市或区县。</translation>
        </message>
        <message>
            <source>“%1” names several places; add its province or city (e.g. 北京市朝阳区).</source>
            <translation>“%1”对应多个地方，请加上省或市（例如 北京市朝阳区）。</translation>
        </message>
        <message>
            <source>香港, 澳门 and 台湾</source>
            <translation>香港、澳门和台湾</translation>
        </message>
    </context>
    <context>
        <name>RemoteSummary</name>
        <message numerus="yes">
            <source>%n customer(s) in a remote area (偏远地区)</source>
            <translation>
                <numerusform>%n 位客户在偏远地区</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) ship to a remote area (偏远地区)</source>
            <translation>
                <numerusform>%n 个订单发往偏远地区</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Backup of %1: %2 customers, %3 addresses, %4 orders (SellerDesk %5).</source>
            <translation>%1 的备份：%2 位客户，%3 个地址，%4 个订单（客户地址管家 %5）。</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>正在检查备份…</translation>
        </message>
        <message>
            <source>Choose a SellerDesk backup file (.sdbackup). It is checked before anything changes, and your current data is backed up first.</source>
            <translation>请选择客户地址管家的备份文件（.sdbackup）。在做任何更改之前会先检查它，并先备份您当前的数据。</translation>
        </message>
        <message>
            <source>Choose a backup file</source>
            <translation>选择备份文件</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>No backup found in the backup folder; choose a file below.</source>
            <translation>备份文件夹里没有找到备份，请在下面选择文件。</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <source>Please type the password or recovery code of this backup.</source>
            <translation>请输入此备份的密码或恢复码。</translation>
        </message>
        <message>
            <source>Recent backups (newest first):</source>
            <translation>最近的备份（最新的在前）：</translation>
        </message>
        <message>
            <source>Replace the customers you have now with this backup?

Your current data is backed up first, so you can go back to it.</source>
            <translation>用这个备份替换您现在的客户资料吗？

当前数据会先备份，之后仍可恢复回来。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Restore this backup?</source>
            <translation>恢复这个备份吗？</translation>
        </message>
        <message>
            <source>SellerDesk backups (*%1)</source>
            <translation>客户地址管家备份 (*%1)</translation>
        </message>
        <message>
            <source>The file is intact.</source>
            <translation>文件完整无损。</translation>
        </message>
        <message>
            <source>This backup has another key. Enter the master password or the recovery code it was made with.</source>
            <translation>此备份使用另一把密钥。请输入制作它时的主密码或恢复码。</translation>
        </message>
        <message>
            <source>This backup has another key. Enter the recovery code it was made with.</source>
            <translation>此备份使用另一把密钥。请输入制作它时的恢复码。</translation>
        </message>
        <message>
            <source>Wrong password or recovery code for this backup. Nothing was changed; please try again.</source>
            <translation>此备份的密码或恢复码不正确。没有做任何更改，请重试。</translation>
        </message>
        <message>
            <source>in %1</source>
            <translation>位于 %1</translation>
        </message>
        <message>
            <source>saved before a restore</source>
            <translation>恢复之前自动保存的</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source> year(s)</source>
            <translation> 年</translation>
        </message>
        <message numerus="yes">
            <source>%n customer(s) with no order for %1 year(s) (or never, and added before that).</source>
            <translation>
                <numerusform>%n 位客户已 %1 年没有下单（或从未下单且在那之前添加）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Customers with no recent order</source>
            <translation>长期未下单的客户</translation>
        </message>
        <message>
            <source>Erase for good</source>
            <translation>彻底删除</translation>
        </message>
        <message>
            <source>Erase them for good…</source>
            <translation>全部彻底删除…</translation>
        </message>
        <message numerus="yes">
            <source>Erased %n customer(s). Make a new backup now: only backups made from now on are free of them.</source>
            <translation>
                <numerusform>已彻底删除 %n 位客户。请现在做一份新备份：只有从现在起做的备份才不含这些信息。</numerusform>
            </translation>
        </message>
        <message>
            <source>Erasing customers…</source>
            <translation>正在彻底删除客户…</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Last order</source>
            <translation>最近下单</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Offer customers with no order for</source>
            <translation>列出多久没有下单的客户：</translation>
        </message>
        <message>
            <source>Retention is off: set a number of years and press Find.</source>
            <translation>保留期限已关闭：设置年数后点“查找”。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>SectionCard</name>
        <message>
            <source>This count could not be read; see the log.</source>
            <translation>无法读取这个数字，请查看日志。</translation>
        </message>
    </context>
    <context>
        <name>ServerUnreachableDialog</name>
        <message>
            <source>Nothing was changed. Retry to type the password, or open the data on this computer for now (what you change there does not reach the team).</source>
            <translation>什么都没有改动。可以重试并输入密码，或者先打开本机数据（在本机做的修改不会到团队数据库里）。</translation>
        </message>
        <message>
            <source>Nothing was changed. Retry when the server is back, or open the data on this computer for now (what you change there does not reach the team).</source>
            <translation>什么都没有改动。可以等服务器恢复后重试，或者先打开本机数据（在本机做的修改不会到团队数据库里）。</translation>
        </message>
        <message>
            <source>Open the data on this computer</source>
            <translation>打开本机数据</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>SellerDesk cannot open the team database.</source>
            <translation>无法打开团队数据库。</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>团队服务器</translation>
        </message>
    </context>
    <context>
        <name>ShipDialog</name>
        <message>
            <source>Courier</source>
            <translation>快递公司</translation>
        </message>
        <message>
            <source>Leave empty to keep each order's own</source>
            <translation>留空则保留各订单原有的运单号</translation>
        </message>
        <message numerus="yes">
            <source>Mark %n order(s) as shipped.</source>
            <translation>
                <numerusform>把 %n 个订单标记为已发货。</numerusform>
            </translation>
        </message>
        <message>
            <source>Mark as shipped</source>
            <translation>标记为已发货</translation>
        </message>
        <message>
            <source>Mark shipped</source>
            <translation>标记为已发货</translation>
        </message>
        <message>
            <source>Ship date</source>
            <translation>发货日期</translation>
        </message>
        <message>
            <source>Tracking no.</source>
            <translation>运单号</translation>
        </message>
        <message>
            <source>e.g. SF1234567890</source>
            <translation>例如 SF1234567890</translation>
        </message>
        <message>
            <source>e.g. 顺丰</source>
            <translation>例如 顺丰</translation>
        </message>
    </context>
    <context>
        <name>ShippingController</name>
        <message>
            <source>&amp;Import tracking numbers…</source>
            <translation>回填运单号(&amp;I)…</translation>
        </message>
        <message>
            <source>Add a courier tem&amp;plate…</source>
            <translation>添加快递模板(&amp;P)…</translation>
        </message>
        <message>
            <source>Add a courier template</source>
            <translation>添加快递模板</translation>
        </message>
        <message>
            <source>Bring the blank .xlsx template downloaded from your courier</source>
            <translation>导入从快递公司下载的空白 .xlsx 模板</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export &amp;waybills…</source>
            <translation>导出快递单(&amp;W)…</translation>
        </message>
        <message>
            <source>Read a courier's result sheet: matched orders become 已发货</source>
            <translation>读取快递公司的结果表：匹配到的订单改为已发货</translation>
        </message>
        <message>
            <source>Senders (寄件人) and the preferred courier per region</source>
            <translation>寄件人，以及各地区的首选快递</translation>
        </message>
        <message>
            <source>Shipping setti&amp;ngs…</source>
            <translation>发货设置(&amp;N)…</translation>
        </message>
        <message>
            <source>Write the orders to ship into a courier's bulk-order sheet</source>
            <translation>把待发货订单写入快递公司的批量下单表</translation>
        </message>
    </context>
    <context>
        <name>ShippingSettingsDialog</name>
        <message>
            <source> (default)</source>
            <translation>（默认）</translation>
        </message>
        <message>
            <source>(new sender)</source>
            <translation>（新寄件人）</translation>
        </message>
        <message>
            <source>A sender's %1 is too long.</source>
            <translation>寄件人的 %1 太长。</translation>
        </message>
        <message>
            <source>A sender's phone must be a mobile or a landline number.</source>
            <translation>寄件人电话须是手机号或座机号。</translation>
        </message>
        <message>
            <source>Add rule</source>
            <translation>添加规则</translation>
        </message>
        <message>
            <source>Add sender</source>
            <translation>添加寄件人</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Courier template</source>
            <translation>快递模板</translation>
        </message>
        <message>
            <source>Default sender</source>
            <translation>默认寄件人</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区/县</translation>
        </message>
        <message>
            <source>Each sender needs a name.</source>
            <translation>每个寄件人都需要姓名。</translation>
        </message>
        <message>
            <source>Each sender needs a phone number.</source>
            <translation>每个寄件人都需要电话。</translation>
        </message>
        <message>
            <source>Everywhere else</source>
            <translation>其他地区</translation>
        </message>
        <message>
            <source>Label (e.g. 一号仓)</source>
            <translation>标签（如 一号仓）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>No sender yet. Add the name, phone and address printed on your waybills.</source>
            <translation>还没有寄件人。请添加印在快递单上的姓名、电话和地址。</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Preferred couriers (物流合作)</source>
            <translation>物流合作（首选快递）</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省</translation>
        </message>
        <message>
            <source>Region or province</source>
            <translation>大区或省份</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Remove rule</source>
            <translation>删除规则</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Senders (寄件人)</source>
            <translation>寄件人</translation>
        </message>
        <message>
            <source>Shipping settings</source>
            <translation>发货设置</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>详细地址</translation>
        </message>
        <message>
            <source>Too many senders or rules.</source>
            <translation>寄件人或规则太多。</translation>
        </message>
        <message>
            <source>Unknown region or province in the preferred couriers.</source>
            <translation>物流合作中有未知的大区或省份。</translation>
        </message>
        <message>
            <source>Which courier template each region ships with (e.g. 顺丰 for 华南, 中通 elsewhere). A province wins over its region; 其他地区 covers the rest. The waybill export uses these by default and writes one file per courier.</source>
            <translation>每个地区用哪家快递的模板（例如华南发顺丰，其他地区发中通）。省份优先于所在大区；“其他地区”覆盖其余地方。导出快递单时默认按此分配，每家快递一个文件。</translation>
        </message>
    </context>
    <context>
        <name>ShippingText</name>
        <message>
            <source>%1 has no order-number (订单号) or phone (收件人手机) column, so no row can be matched to an order.</source>
            <translation>%1 中没有订单号或收件人手机列，无法把任何一行对应到订单。</translation>
        </message>
        <message>
            <source>%1 has no tracking-number column (运单号).</source>
            <translation>%1 中没有运单号列。</translation>
        </message>
        <message>
            <source>%1 is not an .xlsx workbook. Save the courier's template as .xlsx and try again.</source>
            <translation>%1 不是 .xlsx 工作簿。请把快递模板另存为 .xlsx 后重试。</translation>
        </message>
        <message>
            <source>A courier template with this name already exists. Choose another name.</source>
            <translation>已有同名的快递模板，请换一个名称。</translation>
        </message>
        <message>
            <source>A second row for the same order (order %1)</source>
            <translation>同一订单的第二行（订单 %1）</translation>
        </message>
        <message>
            <source>A template name has up to 40 characters, without slashes or : * ? &lt; &gt; |.</source>
            <translation>模板名称最多 40 个字符，不能含斜杠及 : * ? &lt; &gt; |。</translation>
        </message>
        <message>
            <source>Another order in the sheet has this number too (orders %1)</source>
            <translation>表里同一个运单号也给了另一个订单（订单 %1）</translation>
        </message>
        <message>
            <source>Cancelled or refunded orders are not shipped: %1. Nothing was written.</source>
            <translation>已取消或已退款的订单不能发货：%1。没有写入任何文件。</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市</translation>
        </message>
        <message>
            <source>Customer name</source>
            <translation>客户姓名</translation>
        </message>
        <message>
            <source>Customer notes (private: only if you mean it)</source>
            <translation>客户备注（私人信息，慎选）</translation>
        </message>
        <message>
            <source>District</source>
            <translation>区/县</translation>
        </message>
        <message>
            <source>Full address (province + city + district + street)</source>
            <translation>完整地址（省市区 + 详细地址）</translation>
        </message>
        <message>
            <source>Items (from the order)</source>
            <translation>品名（订单商品）</translation>
        </message>
        <message>
            <source>Layouts shipped with SellerDesk cannot be removed.</source>
            <translation>SellerDesk 自带的模板不能删除。</translation>
        </message>
        <message>
            <source>Map at least the recipient, phone and address columns.</source>
            <translation>至少要对应收件人、电话和地址列。</translation>
        </message>
        <message>
            <source>No matching order</source>
            <translation>没有匹配的订单</translation>
        </message>
        <message>
            <source>No orders to export.</source>
            <translation>没有可导出的订单。</translation>
        </message>
        <message>
            <source>No tracking number</source>
            <translation>没有运单号</translation>
        </message>
        <message>
            <source>Order No.</source>
            <translation>订单号</translation>
        </message>
        <message>
            <source>Order amount</source>
            <translation>订单金额</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>下单日期</translation>
        </message>
        <message>
            <source>Order id</source>
            <translation>订单 ID</translation>
        </message>
        <message>
            <source>Order notes</source>
            <translation>订单备注</translation>
        </message>
        <message>
            <source>Parcels (1)</source>
            <translation>包裹数（1）</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>邮编</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省</translation>
        </message>
        <message>
            <source>Province, city and district</source>
            <translation>省市区</translation>
        </message>
        <message>
            <source>Quantity (items added up)</source>
            <translation>数量（商品件数合计）</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>收件人</translation>
        </message>
        <message>
            <source>Recipient landline</source>
            <translation>收件座机</translation>
        </message>
        <message>
            <source>Recipient mobile</source>
            <translation>收件手机</translation>
        </message>
        <message>
            <source>Recipient phone (mobile or landline)</source>
            <translation>收件电话（手机或座机）</translation>
        </message>
        <message>
            <source>Sender</source>
            <translation>寄件人</translation>
        </message>
        <message>
            <source>Sender address (one line)</source>
            <translation>寄件地址（完整）</translation>
        </message>
        <message>
            <source>Sender city</source>
            <translation>寄件市</translation>
        </message>
        <message>
            <source>Sender company</source>
            <translation>寄件公司</translation>
        </message>
        <message>
            <source>Sender district</source>
            <translation>寄件区/县</translation>
        </message>
        <message>
            <source>Sender phone</source>
            <translation>寄件电话</translation>
        </message>
        <message>
            <source>Sender province</source>
            <translation>寄件省</translation>
        </message>
        <message>
            <source>Sender street address</source>
            <translation>寄件详细地址</translation>
        </message>
        <message>
            <source>Several orders to ship go to this phone: not guessed (orders %1)</source>
            <translation>该手机号有多个待发货订单：不猜测（订单 %1）</translation>
        </message>
        <message>
            <source>Street address (without province/city/district)</source>
            <translation>详细地址（不含省市区）</translation>
        </message>
        <message>
            <source>The courier template is damaged: %2</source>
            <translation>快递模板已损坏：%2</translation>
        </message>
        <message>
            <source>The order already has another tracking number (order %1)</source>
            <translation>该订单已有另一个运单号（订单 %1）</translation>
        </message>
        <message>
            <source>The order is not waiting to ship (order %1)</source>
            <translation>该订单不是待发货状态（订单 %1）</translation>
        </message>
        <message>
            <source>Tracking number too long to be right</source>
            <translation>运单号太长，不可能正确</translation>
        </message>
        <message>
            <source>Waybills are written as .xlsx or .csv files.</source>
            <translation>快递单只能导出为 .xlsx 或 .csv 文件。</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>Which courier? No 快递公司 column: choose one and import again (order %1)</source>
            <translation>哪家快递？表里没有"快递公司"列：请选好快递公司再导入一次（订单 %1）</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Addresses to re-check</source>
            <translation>待核对地址</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Birthdays, holidays and follow-ups</source>
            <translation>生日、节日和待回访</translation>
        </message>
        <message>
            <source>Cancel editing</source>
            <translation>取消编辑</translation>
        </message>
        <message>
            <source>Edit the selected customer</source>
            <translation>编辑选中的客户</translation>
        </message>
        <message>
            <source>Find duplicate customers</source>
            <translation>查找重复客户</translation>
        </message>
        <message>
            <source>Import / export Excel</source>
            <translation>导入 / 导出 Excel</translation>
        </message>
        <message>
            <source>In the table: new customer from the address on the clipboard</source>
            <translation>在表格中：用剪贴板里的地址新建客户</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>快捷键</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>Mask phone numbers</source>
            <translation>隐藏电话号码</translation>
        </message>
        <message>
            <source>Move to Trash</source>
            <translation>移到回收站</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>新建客户</translation>
        </message>
        <message>
            <source>New order (of the selected customer)</source>
            <translation>新订单（记在选中的客户名下）</translation>
        </message>
        <message>
            <source>New order from the message on the clipboard</source>
            <translation>用剪贴板里的消息新建订单</translation>
        </message>
        <message>
            <source>On the orders page: undo delete orders</source>
            <translation>在订单页：撤销删除订单</translation>
        </message>
        <message>
            <source>Orders to ship</source>
            <translation>待发货订单</translation>
        </message>
        <message>
            <source>Overview: where customers are, who buys</source>
            <translation>概览：客户在哪里、谁在买</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Show the customers / the orders</source>
            <translation>显示客户 / 订单</translation>
        </message>
        <message>
            <source>Today: what needs doing</source>
            <translation>今日待办</translation>
        </message>
        <message>
            <source>Undo move to Trash</source>
            <translation>撤销移到回收站</translation>
        </message>
    </context>
    <context>
        <name>StorageError</name>
        <message>
            <source>Another SellerDesk program (an import or a backup) kept the database busy for too long. Try again when it has finished; nothing was changed.</source>
            <translation>另一个 SellerDesk 程序（导入或备份）占用数据库太久。请等它完成后重试；数据没有任何改动。</translation>
        </message>
        <message>
            <source>SellerDesk cannot open %1: the folder is missing, read-only or belongs to another user. Make the data folder writable for you and try again; nothing was changed.</source>
            <translation>SellerDesk 无法打开 %1：该文件夹不存在、是只读的，或属于其他用户。请把数据文件夹改为你可写后重试；数据没有任何改动。</translation>
        </message>
        <message>
            <source>SellerDesk cannot write to %1: it is read-only or belongs to another user. Make it writable for you (or run SellerDesk as its owner) and try again; nothing was changed.</source>
            <translation>SellerDesk 无法写入 %1：它是只读的，或属于其他用户。请把它改为你可写（或以其所有者身份运行 SellerDesk）后重试；数据没有任何改动。</translation>
        </message>
        <message>
            <source>The disk holding %1 is full, so SellerDesk could not save. Free some space on that disk and try again; nothing was changed.</source>
            <translation>%1 所在的磁盘已满，SellerDesk 无法保存。请在该磁盘上腾出空间后重试；数据没有任何改动。</translation>
        </message>
        <message>
            <source>The disk reported an error reading or writing %1 (a failing or unplugged drive?). Check the drive and try again; nothing was changed.</source>
            <translation>读写 %1 时磁盘报错（磁盘故障或已拔出？）。请检查磁盘后重试；数据没有任何改动。</translation>
        </message>
        <message>
            <source>The team server %1 cannot be reached, so nothing was saved (and nothing was saved on this computer instead). Check the network and try again.</source>
            <translation>无法连接团队服务器 %1，所以没有保存（也没有改存到本机）。请检查网络后重试。</translation>
        </message>
        <message>
            <source>The team server %1 refused the login of %2: wrong user name or password.</source>
            <translation>团队服务器 %1 拒绝了 %2 的登录：用户名或密码不对。</translation>
        </message>
        <message>
            <source>The team server %1 runs PostgreSQL %2; SellerDesk needs PostgreSQL 14 or newer. Nothing was changed.</source>
            <translation>团队服务器 %1 运行的是 PostgreSQL %2；SellerDesk 需要 PostgreSQL 14 或更新的版本。没有做任何更改。</translation>
        </message>
        <message>
            <source>This customer is not in your regions (%1), so it cannot be saved this way; nothing was changed. The team's owner gives each helper their regions.</source>
            <translation>这位客户不在你负责的地区（%1），不能这样保存；没有改动任何内容。每位助手负责哪些地区由团队所有者分配。</translation>
        </message>
        <message>
            <source>Your team role does not allow this (%1); nothing was changed. The team's owner decides who may do what.</source>
            <translation>你的团队角色不允许这样做（%1）；没有改动任何内容。谁能做什么由团队所有者决定。</translation>
        </message>
        <message>
            <source>the SellerDesk data folder</source>
            <translation>SellerDesk 数据文件夹</translation>
        </message>
    </context>
    <context>
        <name>StrengthMeter</name>
        <message>
            <source>Almost strong enough</source>
            <translation>接近足够强</translation>
        </message>
        <message>
            <source>Not strong enough yet: add another word or two.</source>
            <translation>强度还不够：再加一两个词。</translation>
        </message>
        <message>
            <source>Still weak</source>
            <translation>仍然偏弱</translation>
        </message>
        <message>
            <source>Strength: %1</source>
            <translation>强度：%1</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>强</translation>
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>Too easy to guess: it contains a phone or ID card number.</source>
            <translation>太容易被猜到：其中包含手机号或身份证号。</translation>
        </message>
        <message>
            <source>Too easy to guess: it is, or is built on, one of the most common passwords.</source>
            <translation>太容易被猜到：它本身就是（或基于）最常见的密码之一。</translation>
        </message>
        <message>
            <source>Too easy to guess: keyboard rows, repeats and sequences like 1234 are tried first.</source>
            <translation>太容易被猜到：键盘上连着的键、重复字符和 1234 这样的顺序会被最先尝试。</translation>
        </message>
        <message>
            <source>Too easy to guess: names in pinyin, birthdays and years are tried first.</source>
            <translation>太容易被猜到：拼音姓名、生日和年份会被最先尝试。</translation>
        </message>
        <message numerus="yes">
            <source>Too short: at least %n characters.</source>
            <translation>
                <numerusform>太短：至少需要 %n 个字符。</numerusform>
            </translation>
        </message>
        <message>
            <source>Very weak</source>
            <translation>非常弱</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>弱</translation>
        </message>
    </context>
    <context>
        <name>TeamBackupController</name>
        <message>
            <source>A team backup is encrypted with this computer's SellerDesk key (its recovery code opens it), and this computer has none yet (%1).

Make it now? You choose how it is kept and get its recovery code, as at a first start; this computer's own customer list stays empty.</source>
            <translation>团队备份用这台电脑的 SellerDesk 密钥加密（用它的恢复码可以打开），这台电脑还没有密钥（%1）。

现在创建吗？和第一次启动时一样，你选择密钥的保存方式并拿到恢复码；这台电脑自己的客户列表仍是空的。</translation>
        </message>
        <message>
            <source>Back up the team</source>
            <translation>备份团队数据</translation>
        </message>
        <message>
            <source>Backing up the team database…</source>
            <translation>正在备份团队数据库…</translation>
        </message>
        <message>
            <source>Backup failed</source>
            <translation>备份失败</translation>
        </message>
        <message>
            <source>Checking the copy of the team's data…</source>
            <translation>正在检查团队数据的副本…</translation>
        </message>
        <message>
            <source>Copying the team's data…</source>
            <translation>正在复制团队数据…</translation>
        </message>
        <message>
            <source>Restore %1 into the team database %2 on %3?

Everyone in the team will work with the backup's data from then on. The team database must be empty: one that holds customers is refused and left as it is.</source>
            <translation>把%1恢复到 %3 上的团队数据库 %2 吗？

此后全团队所有人都将使用备份里的数据。团队数据库必须是空的：已有客户的数据库会被拒绝，保持原样。</translation>
        </message>
        <message>
            <source>Restore a backup into this team's EMPTY database, for the whole team (owners only)</source>
            <translation>把备份恢复到本团队的空数据库，供全团队使用（仅限所有者）</translation>
        </message>
        <message>
            <source>Restore complete</source>
            <translation>恢复完成</translation>
        </message>
        <message>
            <source>Restore failed</source>
            <translation>恢复失败</translation>
        </message>
        <message>
            <source>Restore for the whole team</source>
            <translation>为全团队恢复</translation>
        </message>
        <message>
            <source>Restore into the team database?</source>
            <translation>恢复到团队数据库？</translation>
        </message>
        <message>
            <source>Restored %1 customers into the team database.</source>
            <translation>已把 %1 位客户恢复到团队数据库。</translation>
        </message>
        <message>
            <source>Restoring into the team database…</source>
            <translation>正在恢复到团队数据库…</translation>
        </message>
        <message>
            <source>Team backup complete</source>
            <translation>团队备份完成</translation>
        </message>
        <message>
            <source>The team backup (%1 customers, %2 orders) was written to:
%3</source>
            <translation>团队备份（%1 位客户，%2 个订单）已写入：
%3</translation>
        </message>
        <message>
            <source>The team database already holds data (its table %1 has %2 rows). A backup is restored only into an empty team database, so nothing was changed.</source>
            <translation>团队数据库里已有数据（表 %1 有 %2 行）。备份只能恢复到空的团队数据库，所以没有改动任何数据。</translation>
        </message>
        <message>
            <source>The team's users work again once a user with the privilege runs: sellerdesk-cli team init</source>
            <translation>拥有相应权限的用户运行 sellerdesk-cli team init 后，团队的其他用户即可继续使用。</translation>
        </message>
        <message>
            <source>These users of the backup have no login on this server yet: %1</source>
            <translation>备份中的这些用户在本服务器上还没有登录账号：%1</translation>
        </message>
        <message>
            <source>Write an encrypted backup of the team database to your backup folders (Ctrl+B)</source>
            <translation>把团队数据库加密备份到你的备份文件夹（Ctrl+B）</translation>
        </message>
        <message>
            <source>the backup of %1 (%2 customers)</source>
            <translation>%1 的备份（%2 位客户）</translation>
        </message>
    </context>
    <context>
        <name>TeamController</name>
        <message>
            <source> (connection lost; reconnecting…)</source>
            <translation>（连接中断，正在重新连接…）</translation>
        </message>
        <message>
            <source>&amp;Team server…</source>
            <translation>团队服务器(&amp;T)…</translation>
        </message>
        <message>
            <source>Team &amp;members…</source>
            <translation>团队成员(&amp;M)…</translation>
        </message>
        <message>
            <source>Your team role shows phones masked</source>
            <translation>你的团队角色只能看到打码的电话</translation>
        </message>
    </context>
    <context>
        <name>TeamPasswordDialog</name>
        <message>
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>No password was given for %1 on the team server %2.</source>
            <translation>没有输入团队服务器 %2 上用户 %1 的密码。</translation>
        </message>
        <message>
            <source>Password of %1 on the team server %2 (database %3):</source>
            <translation>团队服务器 %2（数据库 %3）上用户 %1 的密码：</translation>
        </message>
        <message>
            <source>Please type the password.</source>
            <translation>请输入密码。</translation>
        </message>
        <message>
            <source>Remember the password (system keyring)</source>
            <translation>记住密码（存入系统钥匙串）</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>团队服务器</translation>
        </message>
    </context>
    <context>
        <name>TeamServerDialog</name>
        <message>
            <source>%1 is set: SellerDesk opens %2 at start, not the server below.</source>
            <translation>已设置 %1：启动时打开 %2，而不是下面的服务器。</translation>
        </message>
        <message>
            <source>(kept in the system keyring)</source>
            <translation>（已保存在系统钥匙串中）</translation>
        </message>
        <message>
            <source>(only for Test connection; asked at each start)</source>
            <translation>（只用于测试连接；每次启动时询问）</translation>
        </message>
        <message>
            <source>Ask for the password at each start</source>
            <translation>每次启动时询问密码</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>CA certificate</source>
            <translation>CA 证书</translation>
        </message>
        <message>
            <source>CA certificate (.pem); empty: the system's</source>
            <translation>CA 证书（.pem）；留空则用系统自带的</translation>
        </message>
        <message>
            <source>CA file</source>
            <translation>CA 文件</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt);;All files (*)</source>
            <translation>证书 (*.pem *.crt);;所有文件 (*)</translation>
        </message>
        <message numerus="yes">
            <source>Connected: %n customer(s).</source>
            <translation>
                <numerusform>已连接：%n 位客户</numerusform>
            </translation>
        </message>
        <message>
            <source>Connected: the database is empty; SellerDesk sets it up when it opens it.</source>
            <translation>已连接：数据库是空的，第一次打开时会自动建好。</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Encrypt the connection and check the server's certificate (TLS, verify-full)</source>
            <translation>加密连接并验证服务器证书（TLS，verify-full）</translation>
        </message>
        <message>
            <source>Open the team database instead of the data on this computer at start</source>
            <translation>启动时打开团队数据库，而不是本机数据</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Please fill in the server and the user name.</source>
            <translation>请填写服务器和用户名。</translation>
        </message>
        <message>
            <source>Please type the password: none is kept for this user and server.</source>
            <translation>请输入密码：还没有保存这个用户在此服务器上的密码。</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Several people on several computers can share one customer list on a PostgreSQL server. Ask the owner of the server for its address, your user name and your password.</source>
            <translation>多人可以在多台电脑上通过一台 PostgreSQL 服务器共用一份客户资料。请向服务器的管理者要地址、你的用户名和密码。</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>团队服务器</translation>
        </message>
        <message>
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <source>The CA file %1 does not exist.</source>
            <translation>CA 文件 %1 不存在。</translation>
        </message>
        <message>
            <source>The password is kept in the system keyring, not in the settings file. The change takes effect at the next start of SellerDesk.</source>
            <translation>密码保存在系统钥匙串中，不写入设置文件。更改在下次启动客户地址管家时生效。</translation>
        </message>
        <message>
            <source>The password is never written to the settings file. The change takes effect at the next start of SellerDesk.</source>
            <translation>密码不会写入设置文件。更改在下次启动客户地址管家时生效。</translation>
        </message>
        <message>
            <source>The server %1 wants a password for %2: type it above and test again.</source>
            <translation>服务器 %1 要求用户 %2 的密码：请在上面输入密码后再测试。</translation>
        </message>
        <message>
            <source>The system keyring cannot keep the password (%1). Nothing was saved.</source>
            <translation>系统钥匙串无法保存密码（%1）。什么都没有保存。</translation>
        </message>
        <message>
            <source>The system keyring cannot keep the password (%1): SellerDesk asks for it at each start.</source>
            <translation>系统钥匙串无法保存密码（%1），每次启动时会询问密码。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.20 or db.example.com</source>
            <translation>例如 192.168.1.20 或 db.example.com</translation>
        </message>
    </context>
    <context>
        <name>TeamText</name>
        <message>
            <source>%1 granted others their membership of %2, which the server will not take back with them; nothing was changed.</source>
            <translation>%1 曾把 %2 的成员资格授予他人，服务器不允许连同收回；未做任何更改。</translation>
        </message>
        <message>
            <source>%1 is a %2, who always sees phones; only a helper's phones can be masked.</source>
            <translation>%1 是%2，总能看到完整手机号；只有助手的手机号可以隐藏。</translation>
        </message>
        <message>
            <source>%1 is a %2, who sees every customer; only a helper has regions.</source>
            <translation>%1 是%2，能看到所有客户；只有助手才有负责地区。</translation>
        </message>
        <message>
            <source>%1 is not a server address SellerDesk can use.</source>
            <translation>%1 不是可用的服务器地址。</translation>
        </message>
        <message>
            <source>%1 is the team's last owner; add another owner before giving them another role.</source>
            <translation>%1 是团队的最后一位所有者；请先添加另一位所有者再更改其角色。</translation>
        </message>
        <message>
            <source>%1 is the team's last owner; add another owner before removing them.</source>
            <translation>%1 是团队的最后一位所有者；请先添加另一位所有者再移除。</translation>
        </message>
        <message>
            <source>%1 lacks the PostgreSQL privilege %2 on the team server, so nothing was changed; ask the server's administrator to grant it.</source>
            <translation>%1 在团队服务器上缺少 PostgreSQL 权限 %2，因此没有做任何更改；请让服务器管理员授予此权限。</translation>
        </message>
        <message>
            <source>%1 made the logins %2 and PostgreSQL 16 lets a role's maker administer it (and act as it) in any role; only a superuser may take that back: have a superuser of the server run this change; nothing was changed.</source>
            <translation>%1 创建了登录 %2，而 PostgreSQL 16 让角色的创建者在任何角色下都能管理（并冒用）它们；只有超级用户能收回这项权利：请服务器的超级用户执行这项更改；未做任何更改。</translation>
        </message>
        <message>
            <source>%1 owns the team's database (or is a superuser of the server) and would keep an owner's power in any role; first make another owner the database's owner (ALTER DATABASE … OWNER TO …).</source>
            <translation>%1 是团队数据库的属主（或服务器的超级用户），换成任何角色都仍有所有者的权力；请先把数据库的属主改为另一位所有者（ALTER DATABASE … OWNER TO …）。</translation>
        </message>
        <message>
            <source>A user “%1” already exists on this server; nothing was changed.</source>
            <translation>服务器上已有用户“%1”，没有做任何更改。</translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>访客</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>助手</translation>
        </message>
        <message>
            <source>Only an owner of the team may do this.</source>
            <translation>只有团队所有者可以这样做。</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>所有者</translation>
        </message>
        <message>
            <source>Team: %1 @ %2</source>
            <translation>团队：%1 @ %2</translation>
        </message>
        <message>
            <source>The password needs at least %1 characters.</source>
            <translation>密码至少需要 %1 个字符。</translation>
        </message>
        <message>
            <source>The secure (TLS) connection to %1 failed: the server does not offer TLS, or its certificate is not signed by the CA file or does not name this server.</source>
            <translation>与 %1 的加密（TLS）连接失败：服务器不支持 TLS，或者它的证书不是所选 CA 文件签发的、证书上的名称与服务器不符。</translation>
        </message>
        <message>
            <source>The server %1 cannot be reached: it is off, the address or port is wrong, or the network is down.</source>
            <translation>无法连接服务器 %1：服务器没有开机、地址或端口有误，或者网络不通。</translation>
        </message>
        <message>
            <source>The server %1 could not be used.</source>
            <translation>无法使用服务器 %1。</translation>
        </message>
        <message>
            <source>The server %1 has no database named %2.</source>
            <translation>服务器 %1 上没有名为 %2 的数据库。</translation>
        </message>
        <message>
            <source>The server %1 refused user %2: wrong user name or password.</source>
            <translation>服务器 %1 拒绝了用户 %2：用户名或密码错误。</translation>
        </message>
        <message>
            <source>There is no team user “%1” (any more).</source>
            <translation>没有（或已不再有）团队用户“%1”。</translation>
        </message>
        <message>
            <source>This is the data on this computer: users are for a team server.</source>
            <translation>这是本机数据：团队成员只用于团队服务器。</translation>
        </message>
        <message>
            <source>Viewer</source>
            <translation>只读成员</translation>
        </message>
        <message>
            <source>You cannot change your own role (%1); another owner can.</source>
            <translation>不能更改你自己的角色（%1），请让另一位所有者来做。</translation>
        </message>
        <message>
            <source>You cannot remove yourself (%1); another owner can.</source>
            <translation>不能移除你自己（%1），请让另一位所有者来做。</translation>
        </message>
        <message>
            <source>“%1” cannot be a user name: 1 to 63 bytes, no quotes or control characters, not starting with pg_.</source>
            <translation>“%1”不能作为用户名：1 到 63 字节，不含引号或控制字符，不以 pg_ 开头。</translation>
        </message>
        <message>
            <source>“%1” is neither a 大区 nor a province; nothing was changed.</source>
            <translation>“%1”既不是大区也不是省份，没有做任何更改。</translation>
        </message>
        <message>
            <source>“%1” is not a team role.</source>
            <translation>“%1”不是团队角色。</translation>
        </message>
    </context>
    <context>
        <name>TeamUsers</name>
        <message>
            <source>The team server refused this (%1); nothing was changed.</source>
            <translation>团队服务器拒绝了此操作（%1），没有做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>TeamUsersDialog</name>
        <message>
            <source> (you)</source>
            <translation>（你）</translation>
        </message>
        <message>
            <source>%1 is in charge of %2 now.</source>
            <translation>现在由 %1 负责 %2。</translation>
        </message>
        <message>
            <source>%1 was added as %2.</source>
            <translation>已添加 %1，角色：%2。</translation>
        </message>
        <message>
            <source>%1 was changed; it applies from their next connection.</source>
            <translation>已修改 %1，其下次连接时生效。</translation>
        </message>
        <message>
            <source>%1 was removed from the team: their login is disabled; what they wrote is kept.</source>
            <translation>已将 %1 移出团队：其登录已停用，其写入的内容都保留。</translation>
        </message>
        <message>
            <source>Add member…</source>
            <translation>添加成员…</translation>
        </message>
        <message>
            <source>Assign…</source>
            <translation>指定负责人…</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Done, but the list could not be read again (%1). Close and open this window to see it.</source>
            <translation>已完成，但未能重新读取列表（%1）。请关闭并重新打开此窗口查看。</translation>
        </message>
        <message>
            <source>In charge</source>
            <translation>负责人</translation>
        </message>
        <message>
            <source>In charge of</source>
            <translation>专人负责</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>成员</translation>
        </message>
        <message>
            <source>Nobody in charge</source>
            <translation>取消指定</translation>
        </message>
        <message>
            <source>Nobody is in charge of %1 now.</source>
            <translation>现在无人负责 %1。</translation>
        </message>
        <message>
            <source>Phones</source>
            <translation>手机号</translation>
        </message>
        <message>
            <source>Reading the team from the server…</source>
            <translation>正在从服务器读取团队成员…</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>负责地区</translation>
        </message>
        <message>
            <source>Regions in charge (专人负责)</source>
            <translation>专人负责</translation>
        </message>
        <message>
            <source>Remove %1 (%2) from the team?

Their login is disabled and the regions they are in charge of are freed. The customers, orders and history they wrote are kept, and the removal is in 操作记录. Adding the same name again gives the login back, with a new password.</source>
            <translation>将 %1（%2）移出团队？

其登录将被停用，其专人负责的地区将空出。其写入的客户、订单和记录都会保留，移除也会记入操作记录。之后再次添加同名用户即可恢复登录（使用新密码）。</translation>
        </message>
        <message>
            <source>Remove %1 from the team?</source>
            <translation>将 %1 移出团队？</translation>
        </message>
        <message>
            <source>Remove from the team</source>
            <translation>移出团队</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>移除…</translation>
        </message>
        <message>
            <source>Removing %1…</source>
            <translation>正在移除 %1…</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <source>Team members</source>
            <translation>团队成员</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Who works on the team server and what each may see. Changes apply from each member's next connection.</source>
            <translation>谁在使用团队服务器，各自能看到什么。更改在该成员下次连接时生效。</translation>
        </message>
        <message>
            <source>all</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>masked</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>none yet: sees no customer</source>
            <translation>尚未指定：看不到任何客户</translation>
        </message>
        <message>
            <source>shown</source>
            <translation>可见</translation>
        </message>
        <message>
            <source>专人负责: the member in charge of a 大区 or province sees its customers under 我负责的. A province given to someone wins over its 大区.</source>
            <translation>专人负责：负责某个大区或省份的成员，勾选“我负责的”即可看到那里的客户。单独指定的省份优先于其所在大区。</translation>
        </message>
        <message>
            <source>大区 or province</source>
            <translation>大区或省份</translation>
        </message>
    </context>
    <context>
        <name>TemplateDialog</name>
        <message>
            <source>A message may be at most %1 characters long.</source>
            <translation>一条消息最多 %1 个字。</translation>
        </message>
        <message>
            <source>Insert %1</source>
            <translation>插入 %1</translation>
        </message>
        <message>
            <source>Message templates</source>
            <translation>消息模板</translation>
        </message>
        <message>
            <source>Not a placeholder: %1. It will be copied as typed.</source>
            <translation>不是占位符：%1，会按原样复制。</translation>
        </message>
        <message>
            <source>Preview, for a sample customer:</source>
            <translation>预览（示例客户）：</translation>
        </message>
        <message>
            <source>Reset to default</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <source>The texts SellerDesk copies for you to paste into WeChat. Click a placeholder to insert it; it is filled in for each customer.</source>
            <translation>SellerDesk 替你复制、粘贴到微信的消息。点占位符按钮插入，发给每位客户时自动填好。</translation>
        </message>
    </context>
    <context>
        <name>TemplateMappingDialog</name>
        <message>
            <source>(leave empty)</source>
            <translation>（留空）</translation>
        </message>
        <message>
            <source>(no header)</source>
            <translation>（无表头）</translation>
        </message>
        <message>
            <source>Add a courier template</source>
            <translation>添加快递模板</translation>
        </message>
        <message>
            <source>Column in the template</source>
            <translation>模板中的列</translation>
        </message>
        <message>
            <source>Courier:</source>
            <translation>快递公司：</translation>
        </message>
        <message>
            <source>Customers' private notes will be printed on every waybill of this template. Continue?</source>
            <translation>客户的私人备注会印在这个模板的每张快递单上。确定继续吗？</translation>
        </message>
        <message>
            <source>Example %1</source>
            <translation>示例 %1</translation>
        </message>
        <message>
            <source>Fill with</source>
            <translation>填入</translation>
        </message>
        <message>
            <source>Header row:</source>
            <translation>表头行：</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Save template</source>
            <translation>保存模板</translation>
        </message>
        <message>
            <source>SellerDesk found the header row of %1 and proposed what goes in each column. Check each column; columns left empty stay empty in the export. A customer's private notes go on a waybill only if you choose them here.</source>
            <translation>已找到 %1 的表头行，并为每一列建议了填入的内容。请逐列检查；留空的列导出时保持为空。客户的私人备注只有在这里特意选择时才会出现在快递单上。</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>工作表：</translation>
        </message>
    </context>
    <context>
        <name>TierField</name>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Back to automatic</source>
            <translation>恢复自动</translation>
        </message>
        <message>
            <source>Clear the hand-set tier: compute it from the orders again</source>
            <translation>取消手动设置的等级，重新按订单自动计算</translation>
        </message>
        <message>
            <source>From the spend and order count of the last 12 months (Edit ▸ Tiers and points…)</source>
            <translation>按近 12 个月的消费和订单数自动计算（编辑 ▸ 等级与积分…）</translation>
        </message>
        <message>
            <source>Pick a level to set it by hand; it then stays until set back to automatic.</source>
            <translation>选择一个等级即手动设置；之后保持不变，直到恢复自动。</translation>
        </message>
        <message>
            <source>Set by hand</source>
            <translation>手动设置</translation>
        </message>
        <message>
            <source>Set by hand; automatic would be %1</source>
            <translation>手动设置；自动计算为 %1</translation>
        </message>
        <message>
            <source>computed once saved</source>
            <translation>保存后自动计算</translation>
        </message>
    </context>
    <context>
        <name>TierSettingsDialog</name>
        <message>
            <source>%1 needs a spend or an order count.</source>
            <translation>%1需要消费额或订单数门槛。</translation>
        </message>
        <message>
            <source>A customer reaches a level when the last %1 months of orders reach its spend or its order count (cancelled and refunded orders do not count). A tier set by hand stays as it is.</source>
            <translation>客户近 %1 个月的订单达到某等级的消费额或订单数（任一即可）就升到该等级；已取消和已退款的订单不计。手动设置的等级保持不变。</translation>
        </message>
        <message>
            <source>A level's name has 1 to %1 characters.</source>
            <translation>等级名称为 1 到 %1 个字符。</translation>
        </message>
        <message>
            <source>A new rule counts for orders written from now on; points already earned stay.</source>
            <translation>新规则只对之后记录的订单生效；已获得的积分不变。</translation>
        </message>
        <message>
            <source>Customers earn points with their orders</source>
            <translation>客户下单获得积分</translation>
        </message>
        <message>
            <source>Every level needs a name.</source>
            <translation>每个等级都需要名称。</translation>
        </message>
        <message>
            <source>Highest</source>
            <translation>最高</translation>
        </message>
        <message>
            <source>Leave a spend empty (or an order count at off) to not use it for that level.</source>
            <translation>消费额留空（或订单数设为“不用”）表示该等级不按这一项计算。</translation>
        </message>
        <message>
            <source>Level 2</source>
            <translation>第 2 级</translation>
        </message>
        <message>
            <source>Level 3</source>
            <translation>第 3 级</translation>
        </message>
        <message>
            <source>Lowest</source>
            <translation>最低</translation>
        </message>
        <message>
            <source>Member tiers</source>
            <translation>会员等级</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Points per ¥1 must be a number from 0.01 to 1000.</source>
            <translation>每 ¥1 的积分须为 0.01 到 1000 之间的数。</translation>
        </message>
        <message>
            <source>Points per ¥1 paid</source>
            <translation>每付 ¥1 得积分</translation>
        </message>
        <message>
            <source>Recomputing the tiers…</source>
            <translation>正在重新计算会员等级…</translation>
        </message>
        <message>
            <source>Save and recompute</source>
            <translation>保存并重新计算</translation>
        </message>
        <message>
            <source>Spend from (¥)</source>
            <translation>消费满（¥）</translation>
        </message>
        <message>
            <source>The order count for %1 must be at least 1.</source>
            <translation>%1的订单数至少为 1。</translation>
        </message>
        <message>
            <source>The order count for %1 must be higher than for %2.</source>
            <translation>%1的订单数门槛须高于%2。</translation>
        </message>
        <message>
            <source>The settings were not saved: %1</source>
            <translation>设置未保存：%1</translation>
        </message>
        <message>
            <source>The spend for %1 is not an amount: %2 (e.g. 500 or 2000.50).</source>
            <translation>%1的消费额不是金额：%2（例如 500 或 2000.50）。</translation>
        </message>
        <message>
            <source>The spend for %1 must be higher than for %2.</source>
            <translation>%1的消费额门槛须高于%2。</translation>
        </message>
        <message>
            <source>The spend for %1 must be more than ¥0.</source>
            <translation>%1的消费额须大于 ¥0。</translation>
        </message>
        <message>
            <source>The threshold of %1 is too large.</source>
            <translation>%1的门槛太大。</translation>
        </message>
        <message>
            <source>Tiers and points</source>
            <translation>等级与积分</translation>
        </message>
        <message>
            <source>Two levels are both called %1.</source>
            <translation>有两个等级都叫“%1”。</translation>
        </message>
        <message>
            <source>everyone else</source>
            <translation>其余客户</translation>
        </message>
        <message>
            <source>off</source>
            <translation>不用</translation>
        </message>
        <message>
            <source>or orders from</source>
            <translation>或订单数满</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Click a card to work through it.</source>
            <translation>点一张卡片开始处理。</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>Nothing needs doing today.</source>
            <translation>今天没有待办的事。</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>The counts could not be read: %1</source>
            <translation>无法读取统计：%1</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今日待办</translation>
        </message>
    </context>
    <context>
        <name>TodaySection</name>
        <message>
            <source>Addresses to re-check</source>
            <translation>待核对地址</translation>
        </message>
        <message>
            <source>Birthdays this week</source>
            <translation>本周生日</translation>
        </message>
        <message>
            <source>Calls and messages you planned for today or before</source>
            <translation>计划在今天或之前的回访</translation>
        </message>
        <message>
            <source>Complaints and wishes not solved yet</source>
            <translation>还没处理完的投诉和建议</translation>
        </message>
        <message>
            <source>Customers who agreed to hear from you</source>
            <translation>同意接收营销消息的客户</translation>
        </message>
        <message>
            <source>Follow-ups due</source>
            <translation>待回访</translation>
        </message>
        <message>
            <source>Not confirmed within their tier's cycle</source>
            <translation>超过所属等级的核对周期未确认</translation>
        </message>
        <message>
            <source>Open feedback</source>
            <translation>未解决的反馈</translation>
        </message>
        <message>
            <source>Orders to ship</source>
            <translation>待发货订单</translation>
        </message>
        <message>
            <source>Waiting to be packed and sent</source>
            <translation>等着打包寄出</translation>
        </message>
    </context>
    <context>
        <name>TrackingImportDialog</name>
        <message>
            <source>%1 orders marked 已发货, %2 tracking numbers filled in, %3 already there.</source>
            <translation>%1 个订单已改为已发货，补填 %2 个运单号，%3 个之前已回填。</translation>
        </message>
        <message>
            <source>%1 rows not matched: fill them in by hand.</source>
            <translation>%1 行未匹配：请手动填写。</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Cancelled; nothing was changed.</source>
            <translation>已取消，没有任何改动。</translation>
        </message>
        <message>
            <source>Choose the result sheet the courier gave back (运单号 with 订单号 or 收件人手机). Matched orders get the courier and tracking number and become 已发货. Importing the same sheet again changes nothing.</source>
            <translation>选择快递公司返回的结果表（运单号，加订单号或收件人手机）。匹配到的订单会写入快递公司和运单号，并改为已发货。同一张表再导入一次不会有任何改动。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Courier:</source>
            <translation>快递公司：</translation>
        </message>
        <message>
            <source>For rows that do not name their courier; SF… numbers are 顺丰 by themselves</source>
            <translation>用于没有写快递公司的行；SF 开头的单号自动识别为顺丰</translation>
        </message>
        <message>
            <source>Header row:</source>
            <translation>表头行：</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Import again</source>
            <translation>再次导入</translation>
        </message>
        <message>
            <source>Import tracking numbers</source>
            <translation>回填运单号</translation>
        </message>
        <message>
            <source>Order No. / phone</source>
            <translation>订单号 / 手机</translation>
        </message>
        <message>
            <source>Result sheet:</source>
            <translation>结果表：</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
            <translation>表格文件 (*.xlsx *.xls *.csv)</translation>
        </message>
        <message>
            <source>Tracking no.</source>
            <translation>运单号</translation>
        </message>
        <message>
            <source>Why not matched</source>
            <translation>未匹配原因</translation>
        </message>
    </context>
    <context>
        <name>UndoNote</name>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Enter your master password (or your recovery code) to open your customers.</source>
            <translation>请输入主密码（或恢复码）以打开客户资料。</translation>
        </message>
        <message>
            <source>Master password or recovery code</source>
            <translation>主密码或恢复码</translation>
        </message>
        <message>
            <source>Please type your password or recovery code.</source>
            <translation>请输入密码或恢复码。</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Recovery code, e.g. 7K2QM-…</source>
            <translation>恢复码，例如 7K2QM-…</translation>
        </message>
        <message>
            <source>SellerDesk — unlock</source>
            <translation>客户地址管家 — 解锁</translation>
        </message>
        <message>
            <source>The system keyring could not give SellerDesk its key. Enter your recovery code to open your customers.</source>
            <translation>系统钥匙串无法提供密钥。请输入恢复码以打开客户资料。</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Wrong password or recovery code. Nothing was changed; please try again.</source>
            <translation>密码或恢复码不正确。数据没有任何改动，请重试。</translation>
        </message>
    </context>
    <context>
        <name>UseKeyringDialog</name>
        <message>
            <source>Keep the key in the system keyring</source>
            <translation>把密钥存入系统钥匙串</translation>
        </message>
        <message>
            <source>SellerDesk will start without asking for a password: the system keyring, opened when you log in, keeps the key. The master password will no longer open your data; the recovery code still does. Anyone who can log in to this computer as you can then open SellerDesk.</source>
            <translation>客户地址管家启动时将不再要求输入密码：密钥保存在登录时自动解锁的系统钥匙串中。主密码将不再能打开数据；恢复码仍然可以。之后任何能以您的身份登录这台电脑的人都能打开客户地址管家。</translation>
        </message>
        <message>
            <source>Use the keyring</source>
            <translation>使用钥匙串</translation>
        </message>
    </context>
    <context>
        <name>UserDialog</name>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Add a team member</source>
            <translation>添加团队成员</translation>
        </message>
        <message>
            <source>Asking the team server…</source>
            <translation>正在询问团队服务器…</translation>
        </message>
        <message>
            <source>Change %1</source>
            <translation>修改 %1</translation>
        </message>
        <message>
            <source>May do everything, add and remove users too.</source>
            <translation>可以做任何事，包括添加和移除成员。</translation>
        </message>
        <message>
            <source>May see phones whole (else masked, as 138****5678)</source>
            <translation>可以看到完整手机号（否则显示为 138****5678）</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Reads every customer and order; changes nothing.</source>
            <translation>可查看所有客户和订单，不能做任何修改。</translation>
        </message>
        <message>
            <source>Regions</source>
            <translation>负责地区</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Sees and edits the customers of the regions ticked below; no export, backup or erase.</source>
            <translation>查看和编辑下面勾选地区的客户；不能导出、备份或彻底删除。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>empty: SellerDesk makes one and shows it once</source>
            <translation>留空：由 SellerDesk 生成，只显示一次</translation>
        </message>
        <message>
            <source>the login name, e.g. alice</source>
            <translation>登录名，例如 alice</translation>
        </message>
    </context>
    <context>
        <name>WalkPanel</name>
        <message>
            <source>%1 of %2</source>
            <translation>第 %1 / %2 位</translation>
        </message>
        <message>
            <source>Change address…</source>
            <translation>修改地址…</translation>
        </message>
        <message>
            <source>Copy again</source>
            <translation>再复制一次</translation>
        </message>
        <message>
            <source>End the walk</source>
            <translation>结束逐个核对</translation>
        </message>
        <message>
            <source>Last confirmed %1; due since %2.</source>
            <translation>上次确认 %1；%2 起到期。</translation>
        </message>
        <message>
            <source>Message (copied — paste it into WeChat):</source>
            <translation>消息（已复制，粘贴到微信即可）：</translation>
        </message>
        <message>
            <source>Open the customer in the editor; saving the change confirms it</source>
            <translation>在编辑器中打开客户；保存修改即算确认</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>That was the last one: every address in the list has been through.</source>
            <translation>这是最后一位了：列表中的地址都过了一遍。</translation>
        </message>
        <message>
            <source>The customer confirmed the address: stamp it verified (Ctrl+Enter)</source>
            <translation>客户确认了地址：标记为已核对（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Verified — next</source>
            <translation>已核对，下一位</translation>
        </message>
    </context>
    <context>
        <name>WaybillExportDialog</name>
        <message>
            <source> (yours)</source>
            <translation>（自建）</translation>
        </message>
        <message>
            <source>%1 orders into %2.</source>
            <translation>%1 个订单，写入 %2。</translation>
        </message>
        <message>
            <source>%1 orders → %2</source>
            <translation>%1 个订单 → %2</translation>
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation>%1：%2 个订单</translation>
        </message>
        <message>
            <source>A selected order was deleted meanwhile.</source>
            <translation>选中的订单已被删除，请刷新后重选。</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>By preferred courier (物流合作 settings)</source>
            <translation>按物流合作设置的首选快递</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>CSV, GBK (what most courier systems read)</source>
            <translation>CSV，GBK 编码（多数快递系统使用）</translation>
        </message>
        <message>
            <source>CSV, UTF-8 with BOM</source>
            <translation>CSV，UTF-8 编码（带 BOM）</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Excel workbook (.xlsx)</source>
            <translation>Excel 工作簿 (.xlsx)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Export waybills</source>
            <translation>导出快递单</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>No orders to export.</source>
            <translation>没有可导出的订单。</translation>
        </message>
        <message>
            <source>No sender yet (set one in Shipping settings)</source>
            <translation>还没有寄件人（请在发货设置中添加）</translation>
        </message>
        <message>
            <source>Orders in the current view: %1</source>
            <translation>当前筛选的订单：%1</translation>
        </message>
        <message>
            <source>Orders to ship (待发货): %1</source>
            <translation>待发货订单：%1</translation>
        </message>
        <message>
            <source>Orders:</source>
            <translation>订单：</translation>
        </message>
        <message>
            <source>Save as:</source>
            <translation>保存为：</translation>
        </message>
        <message>
            <source>Selected orders: %1</source>
            <translation>选中的订单：%1</translation>
        </message>
        <message>
            <source>Sender:</source>
            <translation>寄件人：</translation>
        </message>
        <message>
            <source>Template:</source>
            <translation>模板：</translation>
        </message>
        <message>
            <source>These orders go to several couriers; one file per courier: %1</source>
            <translation>这些订单分属多家快递，每家一个文件：%1</translation>
        </message>
        <message>
            <source>Writing waybills: %1 of %2</source>
            <translation>正在写入快递单：%1 / %2</translation>
        </message>
        <message>
            <source>waybills</source>
            <translation>快递单</translation>
        </message>
    </context>
</TS>
