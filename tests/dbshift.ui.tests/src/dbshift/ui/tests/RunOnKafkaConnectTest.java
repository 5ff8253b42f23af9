package dbshift.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.Test;

import dbshift.ui.run.ConnectPipelineDialog;

/**
 * Migration &gt; Run on Kafka Connect…: the command is there with its handler, and its dialog checks what it is given
 * as the command line does (the error names the field and what it must be) and remembers it for the next time.
 */
class RunOnKafkaConnectTest {

    @Test
    void theDialogRefusesBadInputByNameAndRemembersGoodInput() {
        ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
        var command = commands.getCommand("dbshift.ui.runOnKafkaConnect");
        assertTrue(command.isDefined(), "the command is contributed");
        assertTrue(command.isHandled(), "and has its handler");

        ConnectPipelineDialog dialog = open();
        try {
            Text url = UiTestSupport.named(dialog.getShell(), "connectUrl", Text.class);
            Text bootstrap = UiTestSupport.named(dialog.getShell(), "kafkaBootstrap", Text.class);
            Text name = UiTestSupport.named(dialog.getShell(), "pipeline", Text.class);
            Button run = UiTestSupport.button(dialog.getShell(), "Run");

            UiTestSupport.type(url, "connect:8083");
            UiTestSupport.type(bootstrap, "kafka:9092");
            UiTestSupport.type(name, "shop");
            assertTrue(dialog.getErrorMessage() != null && dialog.getErrorMessage().contains("The Connect URL must be an http://"),
                    String.valueOf(dialog.getErrorMessage()));
            assertFalse(run.isEnabled());
            UiTestSupport.type(url, "http://connect:8083");
            UiTestSupport.type(bootstrap, "kafka 9092");
            assertTrue(dialog.getErrorMessage().contains("host:port"), dialog.getErrorMessage());
            UiTestSupport.type(bootstrap, "kafka:9092,kafka2:9092");
            UiTestSupport.type(name, "shop pipeline!");
            assertTrue(dialog.getErrorMessage().contains("The pipeline name must be 1-40 letters"), dialog.getErrorMessage());
            assertFalse(run.isEnabled());
            UiTestSupport.type(name, "shop-1");
            assertNull(dialog.getErrorMessage());
            Screenshots.save("30-run-on-kafka-connect");
            UiTestSupport.click(run);
            assertEquals(Window.OK, dialog.getReturnCode());
            assertEquals("http://connect:8083", dialog.options().connectUrl());
            assertEquals("kafka:9092,kafka2:9092", dialog.options().kafkaBootstrap());
            assertEquals("shop-1", dialog.options().name());
            assertEquals(3, dialog.options().tasks());
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }

        ConnectPipelineDialog again = open();
        try {
            assertEquals("http://connect:8083", UiTestSupport.named(again.getShell(), "connectUrl", Text.class).getText(),
                    "remembered for the next time");
            assertEquals("shop-1", UiTestSupport.named(again.getShell(), "pipeline", Text.class).getText());
            assertNotNull(UiTestSupport.button(again.getShell(), "Run"));
        } finally {
            again.close();
        }
    }

    private static ConnectPipelineDialog open() {
        ConnectPipelineDialog dialog = new ConnectPipelineDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "shop", 3);
        dialog.setBlockOnOpen(false);
        dialog.open();
        UiTestSupport.settle(200);
        return dialog;
    }
}
