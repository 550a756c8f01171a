<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../../app/gui/error_text.py" line="+27"/>
        <source>ChileMedido cannot be reached.</source>
        <translation>No se puede conectar con ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the laptop&apos;s internet connection, then retry.</source>
        <translation>Revise la conexión a internet del notebook y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s name ({host}) could not be found.</source>
        <translation>No se encontró el nombre del servidor ({host}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the internet connection and the API address in Connection.</source>
        <translation>Revise la conexión a internet y la dirección de la API en Conexión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server ({host}) refused the connection.</source>
        <translation>El servidor ({host}) rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the API address; a firewall or proxy may be blocking it.</source>
        <translation>Revise la dirección de la API; un firewall o proxy podría estar bloqueándola.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido did not answer in time.</source>
        <translation>ChileMedido no respondió a tiempo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The connection is slow or down. Nothing was lost: retry in a moment.</source>
        <translation>La conexión está lenta o caída. No se perdió nada: vuelva a intentarlo en un momento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A web page answered instead of ChileMedido.</source>
        <translation>Respondió una página web en lugar de ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network probably wants a login first (hotel, airport or office Wi-Fi). Open a web browser, log in to the network, then retry.</source>
        <translation>Probablemente esta red pide iniciar sesión primero (Wi-Fi de hotel, aeropuerto u oficina). Abra un navegador, inicie sesión en la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server&apos;s certificate could not be verified.</source>
        <translation>No se pudo verificar el certificado del servidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the laptop&apos;s date and time. A company proxy may need its CA file set in Connection.</source>
        <translation>Revise la fecha y hora del notebook. Si la empresa usa un proxy, puede que haya que indicar su archivo CA en Conexión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The CA certificate file cannot be used.</source>
        <translation>No se puede usar el archivo de certificado CA.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a PEM certificate file, or clear the field.</source>
        <translation>Elija un archivo de certificado PEM, o deje el campo vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You are not logged in to ChileMedido.</source>
        <translation>No ha iniciado sesión en ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the gateway&apos;s refresh token in Connection and log in.</source>
        <translation>Pegue el token de refresco del gateway en Conexión e inicie sesión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The pasted text is not a ChileMedido token.</source>
        <translation>El texto pegado no es un token de ChileMedido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the whole refresh token the ChileMedido administrator sent (it starts with eyJ).</source>
        <translation>Pegue completo el token de refresco que envió el administrador de ChileMedido (empieza con eyJ).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The refresh token has expired.</source>
        <translation>El token de refresco está vencido.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask the ChileMedido administrator for a new refresh token.</source>
        <translation>Pida un token de refresco nuevo al administrador de ChileMedido.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido refused the token.</source>
        <translation>ChileMedido rechazó el token.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It may have been replaced by a newer one, revoked, or be for another environment. Log in with the newest refresh token, or ask the administrator for a new one.</source>
        <translation>Puede haber sido reemplazado por uno más nuevo, revocado, o ser de otro ambiente. Inicie sesión con el token de refresco más reciente, o pida uno nuevo al administrador.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido has no meter with that number.</source>
        <translation>ChileMedido no tiene un medidor con ese número.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the number against the meter&apos;s registration on the platform: it must match exactly, spaces and accents included.</source>
        <translation>Compare el número con el registro del medidor en la plataforma: debe coincidir exactamente, incluidos espacios y tildes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That meter belongs to another provider.</source>
        <translation>Ese medidor pertenece a otro proveedor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter&apos;s number, and that the token is for the right gateway.</source>
        <translation>Revise el número del medidor y que el token sea del gateway correcto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido refused the measurement.</source>
        <translation>ChileMedido rechazó la medición.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing was stored. The details below say which value it refused.</source>
        <translation>No se guardó nada. Los detalles indican qué valor rechazó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The measurement has a value that cannot be sent.</source>
        <translation>La medición tiene un valor que no se puede enviar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the meter reading for the variable named in the details.</source>
        <translation>Revise la lectura del medidor para la variable indicada en los detalles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ChileMedido had a problem.</source>
        <translation>ChileMedido tuvo un problema.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is lost: try again in a few minutes. If it persists, contact ChileMedido support.</source>
        <translation>No se pierde nada: vuelva a intentarlo en unos minutos. Si persiste, contacte al soporte de ChileMedido.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ChileMedido gave an answer Medido did not expect.</source>
        <translation>ChileMedido entregó una respuesta que Medido no esperaba.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the API address in Connection; the details show the answer.</source>
        <translation>Revise la dirección de la API en Conexión; los detalles muestran la respuesta.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The API address cannot be used.</source>
        <translation>No se puede usar la dirección de la API.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write it like https://in.chilemedido.cl/api/v1 (no user, no ? or #).</source>
        <translation>Escríbala como https://in.chilemedido.cl/api/v1 (sin usuario, sin ? ni #).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token could not be remembered on this computer.</source>
        <translation>No se pudo guardar el token en este computador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It works while Medido is open; after closing you will need the newest refresh token again.</source>
        <translation>Funciona mientras Medido esté abierto; al cerrarlo necesitará de nuevo el token de refresco más reciente.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The meter did not answer.</source>
        <translation>El medidor no respondió.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the unit id, the RS-485 wiring (A/B), the baud rate and parity, and that the meter is powered.</source>
        <translation>Revise el ID de unidad, el cableado RS-485 (A/B), la velocidad (baudios) y la paridad, y que el medidor esté energizado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The meter or gateway refused the connection.</source>
        <translation>El medidor o gateway rechazó la conexión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the IP address and port (usually 502), and that Modbus TCP is on.</source>
        <translation>Revise la dirección IP y el puerto (normalmente 502), y que Modbus TCP esté activado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter or gateway cannot be reached.</source>
        <translation>No se puede llegar al medidor o gateway.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the IP address, the cable, and that the laptop is on the same network.</source>
        <translation>Revise la dirección IP, el cable, y que el notebook esté en la misma red.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The meter&apos;s host name could not be found.</source>
        <translation>No se encontró el nombre de host del medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the meter&apos;s or gateway&apos;s IP address instead.</source>
        <translation>Use en su lugar la dirección IP del medidor o gateway.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the meter was lost.</source>
        <translation>Se perdió la conexión con el medidor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medido reconnects by itself; check the cable.</source>
        <translation>Medido se reconecta solo; revise el cable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port is not there.</source>
        <translation>No se encuentra el puerto serial.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug in the USB RS-485 adapter, then choose its port again.</source>
        <translation>Conecte el adaptador USB RS-485 y vuelva a elegir su puerto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The serial port is in use or cannot be opened.</source>
        <translation>El puerto serial está en uso o no se puede abrir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close other programs that use the port, or unplug and replug the adapter.</source>
        <translation>Cierre otros programas que usen el puerto, o desconecte y vuelva a conectar el adaptador.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The serial adapter was unplugged.</source>
        <translation>Se desconectó el adaptador serial.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plug it in again; Medido reconnects by itself.</source>
        <translation>Vuelva a conectarlo; Medido se reconecta solo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The meter sent a reply Medido cannot read.</source>
        <translation>El medidor envió una respuesta que Medido no puede leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the serial settings (baud rate, parity) and that only one device answers at this unit id.</source>
        <translation>Revise la configuración serial (baudios, paridad) y que solo un equipo responda en este ID de unidad.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="+147"/>
        <source>About Medido</source>
        <translation>Acerca de Medido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Medido %1&lt;/h3&gt;&lt;p&gt;Commissioning tool for energy meters that report to ChileMedido: connect, read the meter, check its clock and send a test measurement before leaving the site.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Medido %1&lt;/h3&gt;&lt;p&gt;Herramienta de puesta en marcha para medidores de energía que reportan a ChileMedido: conectar, leer el medidor, revisar su reloj y enviar una medición de prueba antes de retirarse del lugar.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>demo (local emulator and simulated meter)</source>
        <translation>demostración (emulador local y medidor simulado)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Tráfico</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register &amp;addresses</source>
        <translation>&amp;Direcciones de registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;0-based (as sent on the wire)</source>
        <translation>Base &amp;0 (como viajan por el bus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;1-based (as in many manuals)</source>
        <translation>Base &amp;1 (como en muchos manuales)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System</source>
        <translation>Del &amp;sistema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Medido</source>
        <translation>&amp;Acerca de Medido</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../app/gui/message_banner.py" line="+157"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>Cerrar aviso</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/gui/pages/placeholder.py" line="+23"/>
        <source>This step is not available in this version yet.</source>
        <translation>Este paso aún no está disponible en esta versión.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../app/gui/status_bar.py" line="+117"/>
        <source>not logged in</source>
        <translation>sin sesión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logging in…</source>
        <translation>iniciando sesión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>renewing the token…</source>
        <translation>renovando el token…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>offline</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>token expired</source>
        <translation>token vencido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ChileMedido: %1</source>
        <translation>ChileMedido: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Access token renews itself in %1.</source>
        <translation>El token de acceso se renueva solo en %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Refresh token valid for %n day(s).</source>
        <translation>
            <numerusform>Token de refresco válido por %n día.</numerusform>
            <numerusform>Token de refresco válido por %n días.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Gateway %1</source>
        <translation>Gateway %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not connected</source>
        <translation>no conectado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting…</source>
        <translation>reconectando…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no connection</source>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meter: %1</source>
        <translation>Medidor: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reading yet</source>
        <translation>Aún sin lecturas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last reading: %1</source>
        <translation>Última lectura: %1</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../app/gui/steps.py" line="+41"/>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter</source>
        <translation>Medidor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock</source>
        <translation>Reloj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload</source>
        <translation>Subir medición</translation>
    </message>
</context>
<context>
    <name>TrafficDock</name>
    <message>
        <location filename="../../app/gui/traffic_dock.py" line="+115"/>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All channels</source>
        <translation>Todos los canales</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show one channel only</source>
        <translation>Mostrar solo un canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freeze the list; new entries appear when you resume</source>
        <translation>Congela la lista; las entradas nuevas aparecen al reanudar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty the list (the log kept for support stays)</source>
        <translation>Vacía la lista (el registro para soporte se conserva)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected entries, or all shown</source>
        <translation>Copia las entradas seleccionadas, o todas las visibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an entry to see its detail.</source>
        <translation>Seleccione una entrada para ver su detalle.</translation>
    </message>
</context>
<context>
    <name>TrafficModel</name>
    <message>
        <location filename="../../app/gui/traffic_model.py" line="+91"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dir.</source>
        <translation>Dir.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
</TS>
